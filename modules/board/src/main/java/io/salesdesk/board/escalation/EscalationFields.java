package io.salesdesk.board.escalation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The fields of an escalation that the board changes: what the service decides and the repository writes. */
record EscalationFields(UUID ownerId, EscalationStatus status, OffsetDateTime acknowledgedAt, UUID acknowledgedBy,
                        OffsetDateTime resolvedAt, UUID resolvedBy, String resolutionNote, String rank) {

    static EscalationFields of(Escalation e) {
        return new EscalationFields(e.ownerId(), e.status(), e.acknowledgedAt(), e.acknowledgedBy(), e.resolvedAt(),
                e.resolvedBy(), e.resolutionNote(), e.rank());
    }

    EscalationFields withOwner(UUID newOwnerId) {
        return new EscalationFields(newOwnerId, status, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy,
                resolutionNote, rank);
    }

    /**
     * In another column at {@code newRank}. Entering ACKNOWLEDGED or RESOLVED stamps who and when;
     * going back to OPEN keeps the acknowledgement on record; leaving RESOLVED clears the
     * resolution, since the problem is back.
     */
    EscalationFields movedTo(EscalationStatus newStatus, String newRank, UUID by, OffsetDateTime at, String note) {
        OffsetDateTime ackAt = acknowledgedAt;
        UUID ackBy = acknowledgedBy;
        if (newStatus == EscalationStatus.ACKNOWLEDGED && status != EscalationStatus.ACKNOWLEDGED) {
            ackAt = at;
            ackBy = by;
        }
        if (newStatus == EscalationStatus.RESOLVED) {
            boolean already = status == EscalationStatus.RESOLVED;
            return new EscalationFields(ownerId, newStatus, ackAt, ackBy, already ? resolvedAt : at,
                    already ? resolvedBy : by, note == null ? resolutionNote : note, newRank);
        }
        return new EscalationFields(ownerId, newStatus, ackAt, ackBy, null, null, null, newRank);
    }
}
