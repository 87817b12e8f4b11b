package io.salesdesk.workflow.notify;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message in a user's inbox.
 *
 * @param kind          what raised it, e.g. {@code sla.remind}, {@code lead.noEligibleRep}
 * @param subjectEntity what it is about ({@code customer}, {@code lead}), may be null
 * @param shownAt       when the desktop showed it as a notification, null if not yet
 */
public record Notification(UUID id, UUID recipientId, String kind, String title, String body, String subjectEntity,
                           UUID subjectId, OffsetDateTime createdAt, OffsetDateTime readAt, OffsetDateTime shownAt) {

    public boolean unread() {
        return readAt == null;
    }
}
