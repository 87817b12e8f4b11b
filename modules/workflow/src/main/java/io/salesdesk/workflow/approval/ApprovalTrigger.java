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

    /** One field a condition can test; labels come from the app's bundle, {@code approval.field.<entity>.<name>}. */
    public record Field(String name, FieldType type) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
