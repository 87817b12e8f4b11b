package io.salesdesk.studio.rule;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One record as the rules see it, read once so that every rule of its entity is tested in memory after
 * a save ({@link RuleEvaluator}), instead of one query per rule.
 *
 * @param builtIn     the built-in fields by rule key ({@link RuleFields}); a missing key is an empty value
 * @param custom      the stored custom values by custom field id
 * @param lastByKind  the newest live follow-up of each activity kind
 * @param lastFiring  the newest anchor each rule fired on for this record, by rule id
 * @param customerId  the customer the record belongs to (itself for a customer), null for a lead
 */
record RuleRecord(UUID id, String label, UUID ownerId, OffsetDateTime createdAt, Map<String, Object> builtIn,
                  Map<UUID, Stored> custom, Map<String, OffsetDateTime> lastByKind,
                  Map<UUID, OffsetDateTime> lastFiring, UUID customerId) {

    /** A custom value in the columns it is stored in. */
    record Stored(String text, BigDecimal number, OffsetDateTime moment, Boolean flag) {
    }

    /** The newest follow-up a "no activity" trigger counts: of one kind, or (null) of any. */
    OffsetDateTime lastActivity(String kind) {
        if (kind != null) {
            return lastByKind.get(kind);
        }
        return lastByKind.values().stream().max(OffsetDateTime::compareTo).orElse(null);
    }
}
