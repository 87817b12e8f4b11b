package io.salesdesk.studio.rule;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored rule.
 *
 * @param activeSince when it was last switched on: "created" and "field changed" rules act on what
 *                    happened after it
 * @param scannedSeq  how far a "field changed to" rule has read the audit trail; null before its first run
 * @param suggestion  the key of the ready-made rule it was added from, or null
 * @param disabledReason why the runner switched the rule off (a field it uses is gone), or null
 */
public record AutomationRule(UUID id, RuleDefinition definition, OffsetDateTime activeSince, Long scannedSeq,
                             String suggestion, String disabledReason, UUID createdBy, OffsetDateTime updatedAt,
                             long version) {

    public String name() {
        return definition.name();
    }

    public boolean enabled() {
        return definition.enabled();
    }
}
