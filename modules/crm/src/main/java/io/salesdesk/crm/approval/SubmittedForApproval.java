package io.salesdesk.crm.approval;

import io.salesdesk.core.SalesDeskException;
import java.util.UUID;

/**
 * The change was submitted for approval instead of being applied: it takes effect once approved
 * (已提交审批，批准后生效). Thrown after the transaction committed, so callers that expect the
 * change to have happened (a script, the command line) are told plainly that it has not; the UI
 * catches it and shows it as news, not as an error.
 */
public final class SubmittedForApproval extends SalesDeskException {

    private final transient UUID requestId;
    private final transient Object record;

    /**
     * @param requestId the request now waiting for approvers
     * @param record    the record as it stands now (a customer's other edits are saved; its owner is not)
     */
    public SubmittedForApproval(UUID requestId, Object record) {
        super("approval.change.submitted");
        this.requestId = requestId;
        this.record = record;
    }

    public UUID requestId() {
        return requestId;
    }

    /** The record as it stands now, e.g. the {@link io.salesdesk.crm.Customer} or the lead. */
    public Object record() {
        return record;
    }
}
