package io.salesdesk.board;

import java.util.List;

/**
 * A custom field as a board sees it.
 *
 * @param key     the field's stable key, e.g. {@code competitor}
 * @param label   its label, e.g. 竞争对手
 * @param type    its type's name ({@code SINGLE_CHOICE}, {@code TEXT}, {@code USER} …)
 * @param choices the choices of a choice field, in order; empty otherwise
 */
public record CustomCardField(String key, String label, String type, List<String> choices) {

    /** Prefix of a custom field's key in a board definition: {@code custom.competitor}. */
    public static final String PREFIX = "custom.";

    public CustomCardField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Whether a board can make columns of it: one choice per record. */
    public boolean singleChoice() {
        return "SINGLE_CHOICE".equals(type);
    }

    /** The key a board definition stores for this field. */
    public String definitionKey() {
        return PREFIX + key;
    }

    /** The custom field key in a definition key, or null when the key names no custom field. */
    public static String keyOf(String definitionKey) {
        return definitionKey != null && definitionKey.startsWith(PREFIX) ? definitionKey.substring(PREFIX.length())
                : null;
    }
}
