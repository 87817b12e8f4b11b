package io.salesdesk.app.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.salesdesk.app.common.I18n;

/**
 * How long an approver has left on a step (审批时效): "还剩 5 小时", or "已超时 3 小时" once past its
 * due time. Under an hour it counts minutes, so a task due soon does not read "还剩 0 小时".
 *
 * @param text    what the list shows; empty when the step has no time limit
 * @param overdue whether the due time has passed
 */
record SlaCountdown(String text, boolean overdue) {

    static SlaCountdown of(OffsetDateTime dueAt, Clock clock) {
        if (dueAt == null) {
            return new SlaCountdown("", false);
        }
        Duration left = Duration.between(clock.instant(), dueAt.toInstant());
        boolean overdue = left.isNegative();
        Duration span = left.abs();
        String prefix = overdue ? "approvals.due.over" : "approvals.due.left";
        String text = span.toHours() >= 1 ? I18n.get(prefix, span.toHours())
                : I18n.get(prefix + "Minutes", Math.max(1, span.toMinutes()));
        return new SlaCountdown(text, overdue);
    }
}
