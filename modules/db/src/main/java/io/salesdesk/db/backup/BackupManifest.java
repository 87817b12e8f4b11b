package io.salesdesk.db.backup;

import java.util.Map;

/**
 * What a backup promises about itself ({@code manifest.json} in the archive): the schema version, the
 * rows of every table, and the SHA-256 of every database file, so that a restore can check all three
 * before it touches anything.
 *
 * @param format        format of the archive, {@value #FORMAT}
 * @param createdAt     when the backup was made (ISO-8601, UTC)
 * @param schemaVersion the Flyway version of the backed-up schema
 * @param rowCounts     rows per table (all rows, soft-deleted ones included), by table name
 * @param files         SHA-256 (hex) of each database file, by file name
 */
public record BackupManifest(int format, String createdAt, String schemaVersion, Map<String, Long> rowCounts,
                             Map<String, String> files) {

    /** The archive format this build writes and reads. */
    public static final int FORMAT = 1;

    /** Rows in all tables together, for messages. */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
