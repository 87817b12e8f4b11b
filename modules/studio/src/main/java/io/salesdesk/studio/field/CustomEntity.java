package io.salesdesk.studio.field;

/** The entities that carry custom fields, with the name their rows have in the audit trail. */
public enum CustomEntity {
    CUSTOMER("customer"), CONTACT("contact"), LEAD("lead"), OPPORTUNITY("opportunity"), ACTIVITY("activity"),
    CONTRACT("contract"), TASK("task");

    private final String auditName;

    CustomEntity(String auditName) {
        this.auditName = auditName;
    }

    /** The entity name of its rows' change records, so a custom value's change sits in the row's history. */
    public String auditName() {
        return auditName;
    }
}
