package io.salesdesk.app.approvals;

/** The user decided, transferred or recalled on the 审批 page: counts of pending approvals are stale. */
public record ApprovalsChanged() {
}
