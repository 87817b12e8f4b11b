package io.salesdesk.sync;

import io.salesdesk.db.FieldChange;
import java.util.Map;
import java.util.UUID;

/**
 * One change record as it travels from a replica to the hub.
 *
 * @param changeId      the change's id in the replica's audit trail; the hub applies each id once
 * @param originNode    the replica that made it
 * @param lamport       the replica's logical clock for it: after everything the replica had seen
 * @param entity        customer or contact
 * @param entityId      row id
 * @param operation     INSERT, UPDATE or DELETE
 * @param changes       field → old and new; the old value is the base both sides last agreed on
 * @param deletedBase   for a DELETE, the row's values when it was deleted (to find edits the deleter
 *                      never saw); empty otherwise
 * @param changedBy     the user who made it, null for the system
 * @param changedByName that user's name
 */
public record TravelChange(UUID changeId, UUID originNode, long lamport, SyncedEntity entity, UUID entityId,
                           String operation, Map<String, FieldChange> changes, Map<String, String> deletedBase,
                           UUID changedBy, String changedByName) {
}
