package io.salesdesk.board.escalation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something that went wrong and needs a supervisor, as a card on the escalation board.
 *
 * @param id             id
 * @param kind           the rule that raised it, e.g. {@code followUpOverdue}
 * @param subjectEntity  table name of what it is about
 * @param subjectId      id of what it is about
 * @param subjectLabel   name of what it is about
 * @param ownerId        the person who should have acted
 * @param ownerName      that person's display name
 * @param reason         what went wrong, as the rule put it
 * @param status         the board column
 * @param dueAt          by when a supervisor should act, may be null
 * @param raisedAt       when the rule raised it
 * @param acknowledgedAt when a supervisor took it on, may be null
 * @param acknowledgedBy who took it on, may be null
 * @param resolvedAt     when it was resolved, null unless resolved
 * @param resolvedBy     who resolved it, null unless resolved
 * @param resolutionNote what was done, null unless resolved
 * @param rank           order within its column ({@link io.salesdesk.core.BoardRank})
 * @param version        row version for optimistic locking
 * @param createdAt      when the row was written
 * @param createdBy      who wrote it, null for the system
 * @param updatedAt      when it last changed
 * @param updatedBy      who last changed it, null for the system
 */
public record Escalation(UUID id, String kind, String subjectEntity, UUID subjectId, String subjectLabel,
                         UUID ownerId, String ownerName, String reason, EscalationStatus status,
                         OffsetDateTime dueAt, OffsetDateTime raisedAt, OffsetDateTime acknowledgedAt,
                         UUID acknowledgedBy, OffsetDateTime resolvedAt, UUID resolvedBy, String resolutionNote,
                         String rank, long version, OffsetDateTime createdAt, UUID createdBy,
                         OffsetDateTime updatedAt, UUID updatedBy) {

    /** What the escalation is about. */
    public EscalationSubject subject() {
        return new EscalationSubject(subjectEntity, subjectId, subjectLabel);
    }

    /** Whether it still needs a supervisor and its due time has passed. */
    public boolean overdue(Clock clock) {
        return status.isActive() && dueAt != null && dueAt.toInstant().isBefore(clock.instant());
    }
}
