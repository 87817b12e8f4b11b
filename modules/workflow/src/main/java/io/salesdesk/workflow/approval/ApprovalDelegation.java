package io.salesdesk.workflow.approval;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 外出委托: from {@code startsOn} to {@code endsOn} (inclusive, business dates) new approval tasks of
 * {@code userId} go to {@code delegateId}, who signs on their behalf.
 */
public record ApprovalDelegation(UUID id, UUID userId, String userName, UUID delegateId, String delegateName,
                                 LocalDate startsOn, LocalDate endsOn, String note, long version) {

    /** Whether the delegation holds on the given business day. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
