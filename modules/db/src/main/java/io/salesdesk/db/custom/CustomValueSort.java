package io.salesdesk.db.custom;

import java.util.Objects;
import java.util.UUID;

/**
 * A list sorted by one custom field: records without a value come last in either direction, the
 * record id breaks ties.
 *
 * @param fieldId the custom field
 * @param column  where values of the field's type are stored
 */
public record CustomValueSort(UUID fieldId, CustomValueFilter.Column column) {

    public CustomValueSort {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(column, "column");
    }
}
