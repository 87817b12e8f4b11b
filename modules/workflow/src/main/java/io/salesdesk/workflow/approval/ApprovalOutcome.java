package io.salesdesk.workflow.approval;

import org.jooq.Configuration;

/**
 * What the module owning a record does when its request ends — a contract becoming ready to sign,
 * a quote released for sending. Called in the transaction that ends the request, so the record
 * and the request change together or not at all.
 */
@FunctionalInterface
public interface ApprovalOutcome {

    void decided(Configuration cfg, ApprovalRequest request, RequestStatus outcome);
}
