package io.salesdesk.workflow.approval;

/** Where a request stands. */
public enum RequestStatus {
    PENDING, APPROVED, REJECTED, RECALLED
}
