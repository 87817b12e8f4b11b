package io.salesdesk.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One follow-up on record (跟进记录), as the timeline shows it.
 *
 * @param id              id
 * @param customerId      the customer
 * @param contactId       the contact met or called, may be null
 * @param contactName     that contact's name
 * @param ownerId         the rep who followed up
 * @param ownerName       the rep's name
 * @param kind            call, visit, meeting, demo or note
 * @param occurredAt      when it happened
 * @param durationMinutes how long, may be null
 * @param note            what was said and done
 * @param outcome         short result, e.g. 意向明确
 * @param nextStep        what happens next
 * @param nextFollowUpOn  when the next follow-up is due, may be null
 */
public record Activity(UUID id, UUID customerId, UUID contactId, String contactName, UUID ownerId, String ownerName,
                       ActivityKind kind, OffsetDateTime occurredAt, Integer durationMinutes, String note,
                       String outcome, String nextStep, LocalDate nextFollowUpOn) {
}
