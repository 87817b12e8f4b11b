package io.salesdesk.workflow.approval;

/** Where an added signer (加签) signs, relative to the approver who added them. */
public enum SignerPosition {
    /** 前加签: the signer approves first; the approver's task waits and then reopens for them. */
    BEFORE,
    /** 后加签: once the approver approved, the signer must approve too before the step is decided. */
    AFTER
}
