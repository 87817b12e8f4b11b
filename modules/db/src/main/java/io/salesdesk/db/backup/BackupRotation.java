package io.salesdesk.db.backup;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup the app makes into {@code DATA_DIR/backups}, keeping the newest N daily ones.
 * Backups made by hand or before a migration are never removed here.
 */
public final class BackupRotation {

    /** Daily backups kept unless the workspace says otherwise. */
    public static final int DEFAULT_KEEP = 7;
    /** The workspace setting with the number of daily backups to keep. */
    public static final String KEEP_SETTING = "backup.keep";
    static final String DAILY = "daily";
    private static final String DAILY_PREFIX = "salesdesk-" + DAILY + "-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = LoggerFactory.getLogger(BackupRotation.class);

    private BackupRotation() {
    }

    /** The backup folder of an embedded workspace. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("backups");
    }

    /**
     * Makes today's backup if the newest daily one is a day old or there is none, then removes daily
     * backups beyond the newest {@code keep}; empty when none was due.
     */
    public static Optional<DatabaseBackup.Result> runIfDue(Database db, Clock clock, int keep) {
        Path dir = folder(db.config().dataDir());
        Optional<Instant> newest = dailies(dir).stream().findFirst().map(BackupRotation::madeAt);
        if (newest.isPresent() && Duration.between(newest.get(), clock.instant()).compareTo(Duration.ofDays(1)) < 0) {
            return Optional.empty();
        }
        DatabaseBackup.Result made = DatabaseBackup.create(db, dir, DAILY, clock);
        List<Path> all = dailies(dir);
        for (Path old : all.subList(Math.min(Math.max(keep, 1), all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("Could not remove the old backup {}", old, e);
            }
        }
        return Optional.of(made);
    }

    /** Daily backups in {@code dir}, newest first. */
    static List<Path> dailies(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(DAILY_PREFIX)
                            && p.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.backup.write", dir, e.getMessage());
        }
    }

    // The time is in the name (UTC), which a copied folder keeps, unlike the file's modified time.
    private static Instant madeAt(Path archive) {
        String name = archive.getFileName().toString();
        try {
            return LocalDateTime.parse(name.substring(DAILY_PREFIX.length(), name.length() - ".zip".length()), STAMP)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Instant.EPOCH;
        }
    }
}
