package io.salesdesk.db.backup;

import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceSettings;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the app runs on an embedded workspace: a daily backup into {@code DATA_DIR/backups}, checked
 * at start and every hour after, keeping the number of daily backups the workspace setting
 * {@value BackupRotation#KEEP_SETTING} says (default {@value BackupRotation#DEFAULT_KEEP}).
 */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final ScheduledExecutorService timer;

    private BackupSchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts the checks; the first runs after {@code firstDelayMinutes}, so it does not slow the start. */
    public static BackupSchedule start(Database db, Clock clock, long firstDelayMinutes) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "salesdesk-daily-backup");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> runOnce(db, clock), firstDelayMinutes, 60, TimeUnit.MINUTES);
        return new BackupSchedule(timer);
    }

    /** The number of daily backups the workspace keeps. */
    public static int keep(Database db) {
        String value = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(BackupRotation.KEEP_SETTING))
                .orElse(null);
        try {
            return value == null ? BackupRotation.DEFAULT_KEEP : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            // A hand-edited setting that is not a number must not stop the backups.
            LOG.warn("The setting {}={} is not a number; keeping {} daily backups", BackupRotation.KEEP_SETTING,
                    value, BackupRotation.DEFAULT_KEEP);
            return BackupRotation.DEFAULT_KEEP;
        }
    }

    private static void runOnce(Database db, Clock clock) {
        try {
            BackupRotation.runIfDue(db, clock, keep(db))
                    .ifPresent(made -> LOG.info("Daily backup written to {}", made.archive()));
        } catch (RuntimeException e) {
            // A failed backup must not stop the app; the next check tries again.
            LOG.warn("The daily backup failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // A backup in progress finishes before the database closes under it.
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
