package io.salesdesk.crm.approval;

import io.salesdesk.core.Actor;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Where a change that may need approval (a customer transferred to another owner, a lead reassigned)
 * is submitted before it is applied. The crm module asks; the approval flows live in the workflow
 * module, which implements this and is wired in by the app. Without it ({@link #NONE}) every
 * change applies at once, as it always did.
 */
public interface ChangeApproval {

    /** What approval flows call a customer's transfer to another owner. */
    String CUSTOMER = "customer";
    String TRANSFER = "transfer";
    /** What approval flows call a lead's reassignment by a manager. */
    String LEAD = "lead";
    String REASSIGN = "reassign";

    /** No approvals: every change applies at once. */
    ChangeApproval NONE = new ChangeApproval() {
        @Override
        public Optional<UUID> submit(Configuration cfg, Actor actor, ProposedChange change) {
            return Optional.empty();
        }

        @Override
        public void whenApproved(String entity, ApprovedChange apply) {
            // Nothing is ever submitted, so nothing is ever approved later.
        }
    };

    /**
     * Submits the change in the caller's transaction if a flow requires approval for it.
     *
     * @return the request now waiting for approvers, or empty when the change needs no approval
     *         and the caller applies it now
     */
    Optional<UUID> submit(Configuration cfg, Actor actor, ProposedChange change);

    /** Registers how an entity's approved changes are applied (called by the owning service). */
    void whenApproved(String entity, ApprovedChange apply);

    /** Applies a change once its request is approved, in the transaction that approves it. */
    @FunctionalInterface
    interface ApprovedChange {

        /**
         * @param requestId the approved request, for the change log
         * @param change    the change as submitted; field values come back as text
         */
        void apply(Configuration cfg, UUID requestId, ProposedChange change);
    }
}
