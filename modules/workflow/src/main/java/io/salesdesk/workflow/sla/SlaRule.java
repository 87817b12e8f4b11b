package io.salesdesk.workflow.sla;

import io.salesdesk.crm.Tier;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A follow-up SLA rule: how long after {@code sinceField} of its subject the owner is reminded
 * and the lapse is escalated.
 *
 * @param subject            CUSTOMER or LEAD
 * @param sinceField         the field the time counts from: {@link SlaField} names
 * @param tier               only subjects of this tier; null for all
 * @param remindAfterMinutes when to remind the owner; null for never
 * @param escalateAfterMinutes when to raise it on the supervisor's board; null for never
 * @param notifyManager      also tell the owner's manager when escalating
 * @param workingTime        count working time only (the calendar), not clock time
 * @param disabledReason     why the scheduler switched it off, in words; null if it did not
 * @param activeSince        lapses due before this, less a day's grace, are old backlog, not news
 * @param remindScannedTo    anchors up to this were looked at for reminders; null before the first run
 * @param escalateScannedTo  the same for escalations
 */
public record SlaRule(UUID id, String code, String name, Subject subject, String sinceField, Tier tier,
                      Integer remindAfterMinutes, Integer escalateAfterMinutes, boolean notifyManager,
                      boolean workingTime, boolean enabled, String disabledReason, OffsetDateTime activeSince,
                      OffsetDateTime remindScannedTo, OffsetDateTime escalateScannedTo, int sortOrder, long version) {

    /** What a rule watches. */
    public enum Subject {
        CUSTOMER, LEAD
    }

    /** What a rule does when a threshold passes. */
    public enum Action {
        REMIND, ESCALATE
    }

    public Integer thresholdFor(Action action) {
        return action == Action.REMIND ? remindAfterMinutes : escalateAfterMinutes;
    }

    public OffsetDateTime scannedTo(Action action) {
        return action == Action.REMIND ? remindScannedTo : escalateScannedTo;
    }
}
