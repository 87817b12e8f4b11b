package io.salesdesk.workflow.approval;

import java.util.List;
import java.util.Objects;

/**
 * An action that a flow can be attached to, registered by the module that owns the entity: what
 * the designer offers and which fields its conditions and approvers can read.
 *
 * @param entity e.g. contract
 * @param action e.g. submit
 * @param fields the fields the submitted record carries, in the order the designer lists them
 */
public record ApprovalTrigger(String entity, String action, List<Field> fields) {

    public ApprovalTrigger {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        fields = List.copyOf(fields);
    }

    /** What kind of value a field holds: how the designer edits it and which operators fit. */
    public enum FieldType { NUMBER, MONEY, PERCENT, TEXT, DATE, USER, REGION }

    /**
     * One field a condition can test. Built-in fields' labels come from the app's bundle,
     * {@code approval.field.<entity>.<name>}; a custom field brings its own.
     *
     * @param label what the user named the field, or null for a built-in one
     */
    public record Field(String name, FieldType type, String label) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public Field(String name, FieldType type) {
            this(name, type, null);
        }
    }

    /** The same action with more fields after its own (the custom fields of its entity). */
    public ApprovalTrigger withMore(List<Field> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Field> all = new java.util.ArrayList<>(fields);
        more.stream().filter(f -> all.stream().noneMatch(o -> o.name().equals(f.name()))).forEach(all::add);
        return new ApprovalTrigger(entity, action, all);
    }
}
