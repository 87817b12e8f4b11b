package io.salesdesk.db.custom;

import static io.salesdesk.db.jooq.Tables.CUSTOM_VALUE;

import io.salesdesk.db.jooq.tables.CustomValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Custom-field filters and sorts of a list in SQL, for the repositories of records that carry custom
 * fields. A filter is a sub-query on {@code custom_value} that starts from the (field_id, value_…)
 * index of the field's column; a sort left-joins the record's value by the primary key.
 */
public final class CustomValueConditions {

    /** The joined value a list sorts by; one per query. */
    private static final CustomValue SORTED = CUSTOM_VALUE.as("sorted_value");

    private CustomValueConditions() {
    }

    /** Admits the records whose id column passes every filter. */
    public static Condition matchAll(Field<UUID> recordId, List<CustomValueFilter> filters) {
        List<Condition> all = new ArrayList<>();
        for (CustomValueFilter f : filters) {
            var ids = DSL.select(CUSTOM_VALUE.RECORD_ID).from(CUSTOM_VALUE)
                    .where(CUSTOM_VALUE.FIELD_ID.eq(f.fieldId()), valueCondition(f));
            all.add(negated(f) ? recordId.notIn(ids) : recordId.in(ids));
        }
        return DSL.and(all);
    }

    /** {@code from} with the sort's value joined on, or {@code from} unchanged without a sort. */
    public static Table<?> withSortValue(Table<?> from, Field<UUID> recordId, CustomValueSort sort) {
        if (sort == null) {
            return from;
        }
        return from.leftJoin(SORTED).on(SORTED.RECORD_ID.eq(recordId), SORTED.FIELD_ID.eq(sort.fieldId()));
    }

    /** The order of the joined value: records without one last in either direction. */
    public static SortField<?> sortOrder(CustomValueSort sort, boolean ascending) {
        Field<?> value = column(SORTED, sort.column());
        return (ascending ? value.asc() : value.desc()).nullsLast();
    }

    /**
     * The records that pass one filter, for a list kept in memory: the ids the sub-query admits, or,
     * when {@link #negated} is true, the ids it excludes.
     */
    public static Set<UUID> matchingIds(DSLContext dsl, CustomValueFilter f) {
        return new HashSet<>(dsl.select(CUSTOM_VALUE.RECORD_ID).from(CUSTOM_VALUE)
                .where(CUSTOM_VALUE.FIELD_ID.eq(f.fieldId()), valueCondition(f))
                .fetch(CUSTOM_VALUE.RECORD_ID));
    }

    /** Whether {@link #matchingIds} names the records a filter excludes rather than those it admits. */
    public static boolean negated(CustomValueFilter f) {
        return f.operator() == CustomValueFilter.Operator.NOT_TRUE;
    }

    /** Every record's value of one field (records without one are absent), for sorting a list in memory. */
    public static Map<UUID, Comparable<?>> sortValues(DSLContext dsl, CustomValueSort sort) {
        Field<?> value = column(CUSTOM_VALUE, sort.column());
        Map<UUID, Comparable<?>> values = new HashMap<>();
        dsl.select(CUSTOM_VALUE.RECORD_ID, value).from(CUSTOM_VALUE)
                .where(CUSTOM_VALUE.FIELD_ID.eq(sort.fieldId()), value.isNotNull())
                .forEach(r -> values.put(r.value1(), (Comparable<?>) r.value2()));
        return values;
    }

    private static Condition valueCondition(CustomValueFilter f) {
        List<Object> v = f.values();
        return switch (f.operator()) {
            case EQUALS -> CUSTOM_VALUE.VALUE_TEXT.eq((String) v.get(0));
            case CONTAINS -> CUSTOM_VALUE.VALUE_TEXT.containsIgnoreCase((String) v.get(0));
            case STARTS_WITH -> CUSTOM_VALUE.VALUE_TEXT.startsWith((String) v.get(0));
            case BETWEEN -> between(f.column(), v.get(0), v.get(1));
            case ONE_OF -> CUSTOM_VALUE.VALUE_TEXT.in(v.stream().map(String.class::cast).toList());
            case ANY_LINE_OF -> DSL.or(v.stream().map(String.class::cast).map(CustomValueConditions::hasLine).toList());
            case IS_TRUE, NOT_TRUE -> CUSTOM_VALUE.VALUE_FLAG.isTrue();
        };
    }

    /** One choice among several stored one per line: the whole text, its first, last or a middle line. */
    private static Condition hasLine(String choice) {
        return CUSTOM_VALUE.VALUE_TEXT.eq(choice)
                .or(CUSTOM_VALUE.VALUE_TEXT.startsWith(choice + "\n"))
                .or(CUSTOM_VALUE.VALUE_TEXT.endsWith("\n" + choice))
                .or(CUSTOM_VALUE.VALUE_TEXT.contains("\n" + choice + "\n"));
    }

    private static Condition between(CustomValueFilter.Column column, Object from, Object to) {
        List<Condition> bounds = new ArrayList<>();
        switch (column) {
            case NUMBER -> {
                if (from != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_NUMBER.ge((BigDecimal) from));
                }
                if (to != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_NUMBER.le((BigDecimal) to));
                }
            }
            case MOMENT -> {
                if (from != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_MOMENT.ge((OffsetDateTime) from));
                }
                if (to != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_MOMENT.le((OffsetDateTime) to));
                }
            }
            // Dates are stored as ISO text, whose order is the dates' order.
            case TEXT -> {
                if (from != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_TEXT.ge((String) from));
                }
                if (to != null) {
                    bounds.add(CUSTOM_VALUE.VALUE_TEXT.le((String) to));
                }
            }
            case FLAG -> throw new IllegalArgumentException("A checkbox has no range");
        }
        // Both ends open still means "has a value", not "every record".
        bounds.add(column(CUSTOM_VALUE, column).isNotNull());
        return DSL.and(bounds);
    }

    private static Field<?> column(CustomValue table, CustomValueFilter.Column column) {
        return switch (column) {
            case TEXT -> table.VALUE_TEXT;
            case NUMBER -> table.VALUE_NUMBER;
            case MOMENT -> table.VALUE_MOMENT;
            case FLAG -> table.VALUE_FLAG;
        };
    }
}
