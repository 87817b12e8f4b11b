package io.salesdesk.ledger.imports;

import java.util.UUID;

/**
 * The record (or earlier row) a ledger row duplicates.
 *
 * @param kind            why they match
 * @param existingId      the matching record in the database, or {@code null} for an earlier row
 * @param existingName    the matching record's name, for the preview
 * @param existingVersion the matching record's version when it was read
 * @param fileRowNumber   the earlier row of the same file it duplicates, or 0
 */
public record RowMatch(MatchKind kind, UUID existingId, String existingName, long existingVersion,
        int fileRowNumber) {

    /** A match with a record in the database. */
    public static RowMatch existing(MatchKind kind, UUID id, String name, long version) {
        return new RowMatch(kind, id, name, version, 0);
    }

    /** A match with an earlier row of the file. */
    public static RowMatch earlierRow(MatchKind kind, int rowNumber) {
        return new RowMatch(kind, null, null, 0, rowNumber);
    }

    /** Tells whether the duplicate is an earlier row of the same file. */
    public boolean inFile() {
        return existingId == null;
    }
}
