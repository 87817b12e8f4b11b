package io.salesdesk.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A follow-up as the user logs it. Only the kind is required; the time defaults to now.
 *
 * @param kind            call, visit, meeting, demo or note
 * @param occurredAt      when it happened, null for now
 * @param contactId       contact, optional
 * @param durationMinutes optional
 * @param note            what happened
 * @param outcome         short result
 * @param nextStep        what happens next
 * @param nextFollowUpOn  when to follow up next, optional
 */
public record ActivityDraft(ActivityKind kind, OffsetDateTime occurredAt, UUID contactId, Integer durationMinutes,
                            String note, String outcome, String nextStep, LocalDate nextFollowUpOn) {
}
