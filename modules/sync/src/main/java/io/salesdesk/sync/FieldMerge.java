package io.salesdesk.sync;

import java.util.Objects;

/**
 * Three-way merge of one field at the hub: the base (the value the incoming change started from,
 * which both sides last agreed on), the hub's value now, and the incoming value.
 */
public enum FieldMerge {

    /** The hub still has the base: the incoming value is taken. */
    TAKE_INCOMING,
    /** The hub already has the incoming value, or the change is no change. */
    ALREADY_EQUAL,
    /** Both sides changed the field to different values: the hub keeps its value, the conflict is recorded. */
    CONFLICT;

    /** The outcome for one field; values are canonical text, null for no value. */
    public static FieldMerge of(String base, String hub, String incoming) {
        if (Objects.equals(hub, incoming)) {
            return ALREADY_EQUAL;
        }
        if (Objects.equals(hub, base)) {
            return TAKE_INCOMING;
        }
        return CONFLICT;
    }
}
