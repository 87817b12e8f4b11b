package io.salesdesk.insight.funnel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A node applied to a deal: the status, the measured value in the measure's unit and the moment it
 * is about.
 */
public record NodeOutcome(NodeStatus status, BigDecimal measured, OffsetDateTime evidenceAt) {
}
