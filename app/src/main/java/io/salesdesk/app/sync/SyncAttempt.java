package io.salesdesk.app.sync;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ObservedHub;
import io.salesdesk.sync.ReplicaExpiredException;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.SyncCancelledException;
import io.salesdesk.sync.SyncReport;
import io.salesdesk.sync.SyncService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of this replica with its hub, for the command line and the app alike: checks the hub
 * answers, opens it, syncs page by page, and records how it ended in the replica's settings.
 * Failures are outcomes, not exceptions: an office whose line is down is a normal state.
 */
public final class SyncAttempt {

    /** How an attempt ended. */
    public enum Outcome {
        /** Everything went up and came down. */
        DONE,
        /** The hub did not answer; nothing changed. */
        OFFLINE,
        /** The line dropped part way; the pages before it are kept and the next sync resumes. */
        INTERRUPTED,
        /** The user stopped it between pages. */
        CANCELLED,
        /** The replica stayed away past the hub's retention limit: export its changes, then re-create it. */
        EXPIRED,
        /** Anything else, with the message. */
        FAILED
    }

    /**
     * What an attempt did.
     *
     * @param outcome how it ended
     * @param pushed  local changes sent (counted by page, so also after an interruption)
     * @param pulled  hub rows received
     * @param conflicts conflicts the hub recorded (known only when it finished)
     * @param message the reason in the user's language, for OFFLINE, INTERRUPTED, EXPIRED and FAILED
     * @param at      when it ended
     */
    public record Result(Outcome outcome, int pushed, int pulled, int conflicts, String message, Instant at) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncAttempt.class);

    private final Database replica;
    private final Clock clock;
    private final ObservedHub.Progress progress;
    private volatile ObservedHub observed;
    private volatile boolean cancelled;
    private int pushed;
    private int pulled;

    public SyncAttempt(Database replica, Clock clock, ObservedHub.Progress progress) {
        this.replica = replica;
        this.clock = clock;
        this.progress = progress;
    }

    /** Stops after the page under way (or before the first one). */
    public void cancel() {
        cancelled = true;
        ObservedHub hub = observed;
        if (hub != null) {
            hub.cancel();
        }
    }

    /**
     * Syncs with the hub at {@code hubConfig}.
     *
     * @param reachable the quick probe; false means offline without trying the driver
     */
    public Result run(DatabaseConfig hubConfig, BooleanSupplier reachable) {
        Result result = attempt(hubConfig, reachable);
        record(result);
        return result;
    }

    private Result attempt(DatabaseConfig hubConfig, BooleanSupplier reachable) {
        if (cancelled) {
            return result(Outcome.CANCELLED, 0, null);
        }
        if (!reachable.getAsBoolean()) {
            return result(Outcome.OFFLINE, 0, I18n.get("sync.offline.reason", where(hubConfig)));
        }
        Database hubDb;
        try {
            hubDb = Database.open(hubConfig);
        } catch (RuntimeException e) {
            LOG.info("The hub {} did not open: {}", where(hubConfig), e.toString());
            return result(Outcome.OFFLINE, 0, I18n.message(e));
        }
        try (hubDb) {
            ObservedHub hub = new ObservedHub(new LocalHub(hubDb, clock), new ObservedHub.Progress() {
                @Override
                public void pushed(int changes) {
                    pushed += changes;
                    progress.pushed(changes);
                }

                @Override
                public void pulled(int rows, boolean more) {
                    pulled += rows;
                    progress.pulled(rows, more);
                }
            });
            observed = hub;
            if (cancelled) {
                hub.cancel();
            }
            SyncReport report = new SyncService(replica, clock).sync(hub);
            return new Result(Outcome.DONE, report.pushed(), report.pulled(), report.conflicts(), null,
                    clock.instant());
        } catch (SyncCancelledException e) {
            return result(Outcome.CANCELLED, 0, null);
        } catch (ReplicaExpiredException e) {
            return result(Outcome.EXPIRED, 0, I18n.message(e));
        } catch (SalesDeskException e) {
            return result(Outcome.FAILED, 0, I18n.message(e));
        } catch (RuntimeException e) {
            // The line dropped or the hub went away between pages: what committed stays, the rest waits.
            LOG.warn("Sync with {} stopped part way", where(hubConfig), e);
            return result(Outcome.INTERRUPTED, 0, I18n.get("sync.interrupted.reason", rootCause(e)));
        }
    }

    private Result result(Outcome outcome, int conflicts, String message) {
        return new Result(outcome, pushed, pulled, conflicts, message, clock.instant());
    }

    private void record(Result r) {
        try {
            replica.transaction(cfg -> {
                ReplicaSettings settings = ReplicaSettings.using(cfg);
                Instant good = r.outcome() == Outcome.DONE ? r.at()
                        : settings.last().map(ReplicaSettings.LastSync::lastGood).orElse(null);
                settings.recordLast(new ReplicaSettings.LastSync(r.at(), r.outcome().name(), r.pushed(), r.pulled(),
                        r.conflicts(), good));
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the sync result", e);
        }
    }

    private static String where(DatabaseConfig config) {
        return config.dataDir() != null ? config.dataDir().toString()
                : Optional.ofNullable(config.url()).map(u -> u.contains("?") ? u.substring(0, u.indexOf('?')) : u)
                        .orElse("");
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
