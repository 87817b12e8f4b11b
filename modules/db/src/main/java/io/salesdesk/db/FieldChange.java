package io.salesdesk.db;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One field's old and new value in the audit trail, both as text (null when absent).
 *
 * @param oldValue the value before the change
 * @param newValue the value after the change
 */
public record FieldChange(String oldValue, String newValue) {

    /**
     * The fields whose values differ between two snapshots of a row, in field-name order.
     * A snapshot is a map from field name to value; {@code before} is empty for an insert.
     */
    public static Map<String, FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, FieldChange> changes = new TreeMap<>();
        TreeMap<String, Object> names = new TreeMap<>(before);
        names.putAll(after);
        for (String name : names.keySet()) {
            String oldText = text(before.get(name));
            String newText = text(after.get(name));
            if (!Objects.equals(oldText, newText)) {
                changes.put(name, new FieldChange(oldText, newText));
            }
        }
        return changes;
    }

    /** The canonical text of a value, so equal values compare equal whatever their Java type. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        return value.toString();
    }
}
