package io.salesdesk.app.sync;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.sync.ObservedHub;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.ReplicaStatus;
import io.salesdesk.sync.SyncService;
import io.salesdesk.sync.TravelChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * A branch replica's sync as the app shows it, one per open workspace: the status line (已同步 or 离线
 * with the last good sync, changes waiting), 立即同步 with progress and cancel, and the automatic sync
 * every N minutes and as soon as the hub answers again. Syncs run on the workspace's executor, never
 * on the FX thread, and never two at once.
 */
public final class ReplicaSync {

    /** What the status line says. */
    public enum State {
        IDLE, SYNCING, OFFLINE, PROBLEM
    }

    /** How often the automatic sync looks whether one is due (a probe when offline). */
    static final Duration TICK = Duration.seconds(30);

    private final AppContext context;
    private final ConnectionProfiles profiles;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final BooleanProperty replica = new SimpleBooleanProperty(this, "replica");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty hubProfile = new SimpleStringProperty(this, "hubProfile");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final ObjectProperty<SyncAttempt.Result> lastResult = new SimpleObjectProperty<>(this, "lastResult");
    private volatile SyncAttempt current;
    private volatile boolean offline;
    /** Whether the first read said what this workspace is; a workspace that is no replica is never checked again. */
    private boolean known;
    private Consumer<Object> publisher = event -> { };
    private Timeline timer;

    public ReplicaSync(AppContext context, ConnectionProfiles profiles) {
        this.context = context;
        this.profiles = profiles;
    }

    /** The workspace this sync belongs to. */
    public AppContext context() {
        return context;
    }

    /** Whether the workspace is a branch replica: known after {@link #refresh}. */
    public ReadOnlyBooleanProperty replicaProperty() {
        return replica;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The connection profile of the hub, once chosen. */
    public ReadOnlyStringProperty hubProfileProperty() {
        return hubProfile;
    }

    /** 0..1, or -1 while the amount is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    /** How the last sync ended (null before the first in this session). */
    public ReadOnlyObjectProperty<SyncAttempt.Result> lastResultProperty() {
        return lastResult;
    }

    public boolean running() {
        return busy.get();
    }

    /** Where a sync that brought rows says so, e.g. the window's event bus. */
    public void publishTo(Consumer<Object> publisher) {
        this.publisher = publisher;
    }

    /** The profiles this user has on this computer, for choosing the hub. */
    public ConnectionProfiles profiles() {
        return profiles;
    }

    /** Reads the status in the background and shows it. */
    public void refresh() {
        BackgroundTask.wrap(this::read).onSuccess(this::show).onFailure(e -> { }).executeWith(context.executor());
    }

    /** Remembers the hub's profile for this replica. */
    public void chooseHub(String profileName, Runnable then) {
        BackgroundTask.wrap(() -> context.database().transaction(cfg ->
                        ReplicaSettings.using(cfg).setHubProfile(profileName)))
                .onSuccess(done -> {
                    hubProfile.set(profileName);
                    then.run();
                }).executeWith(context.executor());
    }

    /**
     * Starts a sync with the chosen hub unless one is running.
     *
     * @return false if one was already running (its progress is what shows)
     */
    public boolean syncNow() {
        String hub = hubProfile.get();
        if (hub == null || !busy.compareAndSet(false, true)) {
            return false;
        }
        state.set(State.SYNCING);
        progress.set(-1);
        progressText.set(I18n.get("sync.progress.connecting", hub));
        status.set(I18n.get("sync.status.syncing"));
        BackgroundTask.wrap(() -> attempt(hub))
                .onSuccess(this::finished)
                .onFailure(e -> finished(new Read(failed(I18n.message(e)), read())))
                .executeWith(context.executor());
        return true;
    }

    /** Stops the running sync after the page under way. */
    public void cancel() {
        SyncAttempt attempt = current;
        if (attempt != null) {
            attempt.cancel();
            progressText.set(I18n.get("sync.progress.stopping"));
        }
    }

    /**
     * Writes the changes not yet sent to a sheet (.xlsx or .csv), in the background: what to keep
     * before a replica past the hub's retention limit is created afresh.
     */
    public void exportUnsynced(Path file, Consumer<Integer> done) {
        BackgroundTask.wrap(() -> {
            List<TravelChange> changes = new SyncService(context.database(), context.clock()).unsyncedChanges();
            UnsyncedExport.write(changes, file);
            return changes.size();
        }).onSuccess(done::accept).executeWith(context.executor());
    }

    /** Starts the automatic sync while the window shows this replica. */
    public void startAutomatic() {
        if (timer == null) {
            timer = new Timeline(new KeyFrame(TICK, e -> tick()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }

    public void stopAutomatic() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }

    /** Whether an automatic sync is due now: the interval passed, or the hub answers again after being offline. */
    void tick() {
        if (busy.get() || (known && !replica.get())) {
            return;
        }
        // Each tick also refreshes the status line: edits made since show as changes waiting.
        BackgroundTask.wrap(() -> {
            Status s = read();
            return new Tick(s, s.replica() && due(s));
        }).onSuccess(t -> {
            show(t.status());
            if (t.due()) {
                syncNow();
            }
        }).onFailure(e -> { }).executeWith(context.executor());
    }

    private record Tick(Status status, boolean due) {
    }

    private boolean due(Status s) {
        if (!s.settings().automatic() || s.settings().hub() == null) {
            return false;
        }
        Instant now = context.clock().instant();
        ReplicaSettings.LastSync last = s.last();
        if (last == null || !now.isBefore(last.at().plus(java.time.Duration.ofMinutes(s.settings().interval())))) {
            return true;
        }
        if (offline) {
            // The line may be back: a probe costs one TCP connection with a short timeout.
            return profiles.find(s.settings().hub()).map(HubProbe::reachable).orElse(false);
        }
        return false;
    }

    private Read attempt(String chosen) {
        // Settings may have named another hub since the status was read.
        String hub = Optional.ofNullable(read().settings().hub()).orElse(chosen);
        SyncAttempt.Result result;
        Optional<ConnectionProfile> profile = profiles.find(hub);
        if (profile.isEmpty()) {
            result = failed(I18n.get("error.profile.unknown", hub));
        } else {
            ReplicaStatus before = read().status();
            int waiting = before == null ? 0 : before.waiting();
            SyncAttempt attempt = new SyncAttempt(context.database(), context.clock(), progress(waiting));
            current = attempt;
            try {
                result = attempt.run(profiles.config(hub), () -> HubProbe.reachable(profile.get()));
            } finally {
                current = null;
            }
            if (result.pulled() > 0) {
                // The sync wrote rows beside the customer service: its list, kept in memory, is read again.
                context.customers().reloadList();
            }
        }
        return new Read(result, read());
    }

    private ObservedHub.Progress progress(int waiting) {
        return new ObservedHub.Progress() {
            private int pushed;
            private int pulled;

            @Override
            public void pushed(int changes) {
                pushed += changes;
                int sent = pushed;
                onFx(() -> {
                    progress.set(waiting > 0 ? Math.min(1.0, (double) sent / waiting) : -1);
                    progressText.set(I18n.get("sync.progress.pushed", sent, Math.max(sent, waiting)));
                });
            }

            @Override
            public void pulled(int rows, boolean more) {
                pulled += rows;
                int received = pulled;
                onFx(() -> {
                    progress.set(more ? -1 : 1);
                    progressText.set(I18n.get("sync.progress.pulled", received));
                });
            }
        };
    }

    private void finished(Read read) {
        SyncAttempt.Result r = read.result();
        offline = r.outcome() == SyncAttempt.Outcome.OFFLINE || r.outcome() == SyncAttempt.Outcome.INTERRUPTED;
        busy.set(false);
        progress.set(r.outcome() == SyncAttempt.Outcome.DONE ? 1 : progress.get() < 0 ? 0 : progress.get());
        progressText.set(SyncReportText.describe(r));
        lastResult.set(r);
        show(read.status());
        if (r.pulled() > 0) {
            publisher.accept(new SyncPulled(r.pulled()));
        }
    }

    private SyncAttempt.Result failed(String message) {
        return new SyncAttempt.Result(SyncAttempt.Outcome.FAILED, 0, 0, 0, message, context.clock().instant());
    }

    /** The settings that drive the automatic sync. */
    record Settings(String hub, boolean automatic, int interval) {
    }

    /** The status as read from the database. */
    record Status(boolean replica, ReplicaStatus status, ReplicaSettings.LastSync last, Settings settings) {
    }

    private record Read(SyncAttempt.Result result, Status status) {
    }

    private Status read() {
        Optional<ReplicaStatus> s = ReplicaStatus.of(context.database());
        return context.database().transactionResult(cfg -> {
            ReplicaSettings settings = ReplicaSettings.using(cfg);
            return new Status(s.isPresent(), s.orElse(null), settings.last().orElse(null),
                    new Settings(settings.hubProfile().orElse(null), settings.automatic(), settings.intervalMinutes()));
        });
    }

    private void show(Status s) {
        known = true;
        replica.set(s.replica());
        if (!s.replica()) {
            return;
        }
        hubProfile.set(s.settings().hub());
        if (!busy.get()) {
            String outcome = s.last() == null ? "DONE" : s.last().outcome();
            offline = "OFFLINE".equals(outcome) || "INTERRUPTED".equals(outcome);
            state.set(offline ? State.OFFLINE
                    : "FAILED".equals(outcome) || "EXPIRED".equals(outcome) ? State.PROBLEM : State.IDLE);
            status.set(SyncStatusText.describe(state.get(), s.status(), s.last(), context.clock().instant(),
                    context.clock().getZone()));
        }
    }

    private static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
