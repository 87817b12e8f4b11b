package io.salesdesk.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A conflict the hub recorded for a manager: both values kept, the hub's value live until resolved.
 *
 * @param id            id
 * @param entity        customer or contact
 * @param entityId      the row
 * @param field         the field, or {@link SyncedEntity#DELETED} for a delete that met edits
 * @param kind          what met what
 * @param baseValue     the value the incoming change started from
 * @param hubValue      the hub's value, which stayed live
 * @param incomingValue the replica's value
 * @param originNode    the replica
 * @param changeId      the replica's change
 * @param lamport       the change's logical clock
 * @param changedByName who made the incoming change
 * @param createdAt     when the hub recorded it
 * @param resolvedAt    when a manager resolved it, null while open
 * @param resolvedValue the value the manager chose
 */
public record SyncConflict(UUID id, SyncedEntity entity, UUID entityId, String field, Kind kind, String baseValue,
                           String hubValue, String incomingValue, UUID originNode, UUID changeId, long lamport,
                           String changedByName, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                           String resolvedValue) {

    /** The field of a {@link Kind#DUPLICATE} conflict: its hub value is the id of the customer it duplicates. */
    public static final String DUPLICATE_OF = "duplicateOf";
    /** How a duplicate is resolved when the manager merged the two customers. */
    public static final String MERGED = "MERGED";
    /** How a duplicate is resolved when the manager said the two are different companies. */
    public static final String NOT_DUPLICATE = "NOT_DUPLICATE";

    /** What met what. */
    public enum Kind {
        /** Both sides changed the field to different values. */
        FIELD,
        /** An edit arrived for a row the hub had deleted: the row stays deleted, the edit is kept here. */
        EDIT_AFTER_DELETE,
        /** A delete arrived for a row edited on the hub meanwhile: the row is deleted with the edit in it. */
        DELETE_AFTER_EDIT,
        /** A change to a row outside the replica's org subtree: not applied, kept here. */
        OUTSIDE_SCOPE,
        /**
         * A claim of a pool customer or lead (no owner → someone) that another claim reached the hub
         * before, or past the claimant's daily limit: resolved by rule when recorded (the hub's
         * owner stays), the claimant told on the replica's sync.
         */
        CLAIM_LOST,
        /**
         * A new customer from a replica that another live customer already is (same credit code or
         * normalised name): both kept, the new one with its rows, until a manager merges or dismisses.
         */
        DUPLICATE
    }
}
