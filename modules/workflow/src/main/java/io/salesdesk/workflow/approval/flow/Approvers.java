package io.salesdesk.workflow.approval.flow;

import java.util.Objects;

/**
 * Who signs a step.
 *
 * @param kind   where the approvers come from
 * @param value  the login, role or field name, as the kind needs; null for {@link ApproverKind#MANAGER}
 * @param levels how many levels up for {@link ApproverKind#MANAGER}; ignored otherwise
 */
public record Approvers(ApproverKind kind, String value, int levels) {

    public Approvers {
        Objects.requireNonNull(kind, "kind");
    }

    public static Approvers user(String login) {
        return new Approvers(ApproverKind.USER, login, 0);
    }

    public static Approvers role(String role) {
        return new Approvers(ApproverKind.ROLE, role, 0);
    }

    public static Approvers manager(int levels) {
        return new Approvers(ApproverKind.MANAGER, null, levels);
    }

    /** The head of the region in the record's {@code regionCode} field. */
    public static Approvers regionHead() {
        return new Approvers(ApproverKind.REGION_HEAD, null, 0);
    }

    public static Approvers recordField(String field) {
        return new Approvers(ApproverKind.RECORD_FIELD, field, 0);
    }
}
