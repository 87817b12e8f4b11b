package io.salesdesk.workflow.approval.flow;

/** Where a step finds its approvers. */
public enum ApproverKind {
    /** A named user ({@code value} is the user's login). */
    USER,
    /** Everyone with a role ({@code value} is the role, e.g. LEGAL). */
    ROLE,
    /** The submitter's manager, {@code levels} up the reporting line (1 = direct manager). */
    MANAGER,
    /** The user held in a field of the record ({@code value} is the field, e.g. ownerId). */
    RECORD_FIELD,
    /**
     * The head of the record's region: the manager of the org unit that covers the region held in
     * a field of the record ({@code value} is the field, regionCode when empty), looking up through
     * city and province, then up the org tree, until a unit has a manager.
     */
    REGION_HEAD
}
