package io.salesdesk.workflow.merge;

import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;

import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import io.salesdesk.workflow.approval.RequestStatus;
import java.util.Map;

/**
 * Approval requests about a merged customer itself (a transfer waiting for a manager): a pending one
 * is a decision still to make about the company, so it now acts on the survivor, or approving it
 * would change a deleted record. A decided one is history and keeps naming the merged customer.
 * Requests about a deal, quote or contract name that record, which moves with the merge, so they
 * show the survivor already.
 */
public final class ApprovalCustomerReferencesRepository implements CustomerReferences {

    private static final String KIND = "approval_request";

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        int moved = CustomerReferenceMoves.using(m.configuration(), m.clock()).movePlain(KIND, APPROVAL_REQUEST,
                APPROVAL_REQUEST.ID, APPROVAL_REQUEST.RECORD_ID, APPROVAL_REQUEST.ENTITY.eq("customer")
                        .and(APPROVAL_REQUEST.STATUS.eq(RequestStatus.PENDING.name())), m);
        return moved == 0 ? Map.of() : Map.of(KIND, moved);
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        // Only while still pending: a request decided since acted on the survivor, and stays with it.
        return CustomerReferenceMoves.using(b.configuration(), b.clock()).moveBackPlain(KIND, APPROVAL_REQUEST,
                APPROVAL_REQUEST.ID, APPROVAL_REQUEST.RECORD_ID,
                APPROVAL_REQUEST.STATUS.eq(RequestStatus.PENDING.name()), b);
    }
}
