package io.salesdesk.insight.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Applies a node's threshold to the facts the database measured for a deal. A node is decided only
 * once its window has closed or its condition is already met; until then it is pending, so a deal
 * opened yesterday is not prompted for a 30-day goal.
 */
public final class NodeEvaluator {

    private NodeEvaluator() {
    }

    /** The outcome, or empty when the node does not apply to the deal (no customer question to answer). */
    public static Optional<NodeOutcome> evaluate(Measure measure, DealFacts facts, OffsetDateTime now) {
        // Java 17: no pattern switch; the set of measures is closed (sealed), so this chain is total.
        if (measure instanceof Measure.ActivityBeforeStage) {
            return Optional.of(before(facts));
        }
        if (measure instanceof Measure.ActivityCount m) {
            return Optional.of(count(m, facts, now));
        }
        if (measure instanceof Measure.ReplyWithin m) {
            return reply(m, facts, now);
        }
        return Optional.of(stage((Measure.StageWithin) measure, facts, now));
    }

    private static NodeOutcome before(DealFacts f) {
        if (f.reachedAt() == null) {
            return f.firstMatchAt() != null ? new NodeOutcome(NodeStatus.PASSED, null, f.firstMatchAt())
                    : new NodeOutcome(NodeStatus.PENDING, null, null);
        }
        if (f.firstMatchAt() != null && f.firstMatchAt().isBefore(f.reachedAt())) {
            return new NodeOutcome(NodeStatus.PASSED, hours(f.firstMatchAt(), f.reachedAt()), f.reachedAt());
        }
        return new NodeOutcome(NodeStatus.MISSED, null, f.reachedAt());
    }

    private static NodeOutcome count(Measure.ActivityCount m, DealFacts f, OffsetDateTime now) {
        OffsetDateTime start = m.fromStage() == null ? f.openedAt() : f.reachedAt();
        if (start == null) {
            return new NodeOutcome(NodeStatus.PENDING, null, null);
        }
        BigDecimal measured = BigDecimal.valueOf(f.matchCount());
        if (f.matchCount() >= m.minimum()) {
            return new NodeOutcome(NodeStatus.PASSED, measured, start);
        }
        boolean closed = !now.isBefore(start.plusDays(m.days()));
        return new NodeOutcome(closed ? NodeStatus.MISSED : NodeStatus.PENDING, measured, start);
    }

    private static Optional<NodeOutcome> reply(Measure.ReplyWithin m, DealFacts f, OffsetDateTime now) {
        if (f.questions().isEmpty()) {
            return Optional.empty();
        }
        Duration limit = Duration.ofHours(m.hours());
        Duration worst = Duration.ZERO;
        OffsetDateTime worstAsked = null;
        boolean waiting = false;
        for (DealFacts.Question q : f.questions()) {
            Duration gap = Duration.between(q.askedAt(), q.repliedAt() == null ? now : q.repliedAt());
            if (q.repliedAt() == null && gap.compareTo(limit) <= 0) {
                waiting = true;
                continue;
            }
            if (worstAsked == null || gap.compareTo(worst) > 0) {
                worst = gap;
                worstAsked = q.askedAt();
            }
        }
        if (worstAsked != null && worst.compareTo(limit) > 0) {
            return Optional.of(new NodeOutcome(NodeStatus.MISSED, hours(worst), worstAsked));
        }
        if (waiting) {
            return Optional.of(new NodeOutcome(NodeStatus.PENDING, worstAsked == null ? null : hours(worst), worstAsked));
        }
        return Optional.of(new NodeOutcome(NodeStatus.PASSED, hours(worst), worstAsked));
    }

    private static NodeOutcome stage(Measure.StageWithin m, DealFacts f, OffsetDateTime now) {
        OffsetDateTime deadline = f.openedAt().plusDays(m.days());
        if (f.reachedAt() != null) {
            BigDecimal days = days(f.openedAt(), f.reachedAt());
            return new NodeOutcome(f.reachedAt().isAfter(deadline) ? NodeStatus.MISSED : NodeStatus.PASSED, days,
                    f.reachedAt());
        }
        if (now.isAfter(deadline)) {
            return new NodeOutcome(NodeStatus.MISSED, days(f.openedAt(), now), null);
        }
        return new NodeOutcome(NodeStatus.PENDING, days(f.openedAt(), now), null);
    }

    private static BigDecimal hours(OffsetDateTime from, OffsetDateTime to) {
        return hours(Duration.between(from, to));
    }

    private static BigDecimal hours(Duration d) {
        return BigDecimal.valueOf(d.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(OffsetDateTime from, OffsetDateTime to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMinutes())
                .divide(BigDecimal.valueOf(1440), 1, RoundingMode.HALF_UP);
    }
}
