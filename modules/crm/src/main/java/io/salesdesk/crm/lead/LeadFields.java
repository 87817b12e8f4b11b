package io.salesdesk.crm.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a change to a lead writes: its own fields and where it is on the way to a deal. The
 * service derives a new one from the current one; the repository writes the difference.
 */
public record LeadFields(LeadDraft draft, LeadStatus status, UUID ownerId, OffsetDateTime assignedAt,
                         String assignmentReason, Lead.AssignmentFlag assignmentFlag, OffsetDateTime firstResponseAt,
                         Integer responseMinutes, String disqualifyReason, UUID customerId, UUID opportunityId,
                         OffsetDateTime closedAt, String boardRank) {

    public static LeadFields of(Lead l) {
        return new LeadFields(l.toDraft(), l.status(), l.ownerId(), l.assignedAt(), l.assignmentReason(),
                l.assignmentFlag(), l.firstResponseAt(), l.responseMinutes(), l.disqualifyReason(), l.customerId(),
                l.opportunityId(), l.closedAt(), l.boardRank());
    }

    public LeadFields withDraft(LeadDraft d) {
        return new LeadFields(d, status, ownerId, assignedAt, assignmentReason, assignmentFlag, firstResponseAt,
                responseMinutes, disqualifyReason, customerId, opportunityId, closedAt, boardRank);
    }

    public LeadFields assigned(UUID owner, OffsetDateTime at, String reason, Lead.AssignmentFlag flag) {
        return new LeadFields(draft, status, owner, at, reason, flag, firstResponseAt, responseMinutes,
                disqualifyReason, customerId, opportunityId, closedAt, boardRank);
    }

    public LeadFields inColumn(LeadStatus newStatus, String rank) {
        return new LeadFields(draft, newStatus, ownerId, assignedAt, assignmentReason, assignmentFlag, firstResponseAt,
                responseMinutes, disqualifyReason, customerId, opportunityId, closedAt, rank);
    }

    /** The first response at {@code at}, unless there was one already. */
    public LeadFields responded(OffsetDateTime at, int minutes) {
        return firstResponseAt != null ? this : new LeadFields(draft, status, ownerId, assignedAt, assignmentReason,
                assignmentFlag, at, minutes, disqualifyReason, customerId, opportunityId, closedAt, boardRank);
    }

    /** Closed at {@code at} with a disqualify reason, or reopened when {@code at} is null. */
    public LeadFields closed(OffsetDateTime at, String reason) {
        return new LeadFields(draft, status, ownerId, assignedAt, assignmentReason, assignmentFlag, firstResponseAt,
                responseMinutes, reason, customerId, opportunityId, at, boardRank);
    }

    public LeadFields linked(UUID customer, UUID opportunity) {
        return new LeadFields(draft, status, ownerId, assignedAt, assignmentReason, assignmentFlag, firstResponseAt,
                responseMinutes, disqualifyReason, customer, opportunity, closedAt, boardRank);
    }
}
