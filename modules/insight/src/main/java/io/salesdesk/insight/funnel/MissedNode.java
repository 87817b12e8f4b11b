package io.salesdesk.insight.funnel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deal that missed a node's threshold, with the data: what was measured and when.
 *
 * @param measured   the measured value in the measure's unit (hours, count, days); null when
 *                   nothing was found (no material sent at all)
 * @param evidenceAt the moment the measure is about (stage entry, the unanswered question)
 * @param promptedAt when the coaching prompt went out, null if not yet
 */
public record MissedNode(UUID opportunityId, String opportunityName, String customerName, UUID ownerId,
                         String ownerName, UUID nodeId, String nodeName, Measure measure, BigDecimal measured,
                         OffsetDateTime evidenceAt, OffsetDateTime promptedAt) {
}
