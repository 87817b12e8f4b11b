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
 * @param scannedUntil the cutoff of the last complete time-based scan (with {@code scannedSeq}, the
 *                     change-log position read before it); null: the next scan reads every record
 */
public record AutomationRule(UUID id, RuleDefinition definition, OffsetDateTime activeSince, Long scannedSeq,
                             String suggestion, String disabledReason, UUID createdBy, OffsetDateTime updatedAt,
                             long version, OffsetDateTime scannedUntil) {

    /** A rule without a scan window yet (as before the window existed). */
    public AutomationRule(UUID id, RuleDefinition definition, OffsetDateTime activeSince, Long scannedSeq,
                          String suggestion, String disabledReason, UUID createdBy, OffsetDateTime updatedAt,
                          long version) {
        this(id, definition, activeSince, scannedSeq, suggestion, disabledReason, createdBy, updatedAt, version, null);
    }

    public String name() {
        return definition.name();
    }

    public boolean enabled() {
        return definition.enabled();
    }
}
