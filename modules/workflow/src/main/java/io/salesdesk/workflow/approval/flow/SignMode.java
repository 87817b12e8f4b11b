package io.salesdesk.workflow.approval.flow;

/** How the approvers of one step decide. */
public enum SignMode {
    /** 会签: every approver must approve; one rejection rejects. */
    ALL,
    /** 或签: the first approver to act decides for the step. */
    ANY,
    /** 依次审批: the approvers in order, each after the one before approved. */
    SEQUENTIAL
}
