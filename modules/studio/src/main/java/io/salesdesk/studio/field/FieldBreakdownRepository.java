package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.CUSTOM_VALUE;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Counts the records a viewer may see by one custom field's value, in SQL: the records (with the
 * viewer's visibility applied as every list applies it) left-joined to the field's values, grouped.
 */
public final class FieldBreakdownRepository {

    private final DSLContext dsl;

    private FieldBreakdownRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static FieldBreakdownRepository using(Configuration configuration) {
        return new FieldBreakdownRepository(configuration);
    }

    /** The breakdown of a customer, lead or deal field; empty slices for other entities. */
    public FieldBreakdown breakdown(CustomField field, Actor viewer) {
        Records records = switch (field.entity()) {
            case CUSTOMER -> new Records(CUSTOMER, CUSTOMER.ID, null,
                    DSL.and(CUSTOMER.DELETED_AT.isNull(), Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer)));
            case LEAD -> new Records(LEAD, LEAD.ID, null,
                    DSL.and(LEAD.DELETED_AT.isNull(), Visibility.ownedBy(LEAD.OWNER_ID, viewer)));
            case OPPORTUNITY -> new Records(OPPORTUNITY.join(OPPORTUNITY_STAGE)
                    .on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE)), OPPORTUNITY.ID, OPPORTUNITY.AMOUNT,
                    DSL.and(OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"),
                            Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer)));
            default -> null;
        };
        if (records == null) {
            return new FieldBreakdown(field, List.of(), new FieldBreakdown.Slice(null, 0, null));
        }
        // Checkboxes are stored in the flag column; choices and users as text.
        Field<String> value = field.type() == FieldType.CHECKBOX
                ? DSL.when(CUSTOM_VALUE.VALUE_FLAG.isTrue(), DSL.inline("true"))
                        .when(CUSTOM_VALUE.VALUE_FLAG.isFalse(), DSL.inline("false"))
                : CUSTOM_VALUE.VALUE_TEXT;
        Field<BigDecimal> amount = records.amount() == null ? DSL.inline((BigDecimal) null)
                : DSL.sum(records.amount());
        List<FieldBreakdown.Slice> slices = new ArrayList<>();
        FieldBreakdown.Slice unset = new FieldBreakdown.Slice(null, 0, records.amount() == null ? null : BigDecimal.ZERO);
        for (Record3<String, Integer, BigDecimal> r : dsl.select(value, DSL.count(), amount)
                .from(records.table())
                .leftJoin(CUSTOM_VALUE).on(CUSTOM_VALUE.RECORD_ID.eq(records.id()), CUSTOM_VALUE.FIELD_ID.eq(field.id()))
                .where(records.visible())
                .groupBy(value)
                .fetch()) {
            BigDecimal sum = records.amount() == null ? null : r.value3() == null ? BigDecimal.ZERO : r.value3();
            if (r.value1() == null) {
                unset = new FieldBreakdown.Slice(null, r.value2(), sum);
            } else {
                slices.add(new FieldBreakdown.Slice(r.value1(), r.value2(), sum));
            }
        }
        slices.sort(Comparator.comparingInt(FieldBreakdown.Slice::count).reversed()
                .thenComparing(FieldBreakdown.Slice::value));
        return new FieldBreakdown(field, slices, unset);
    }

    /** The records of an entity a viewer sees: their table, id, deal amount (or null). */
    private record Records(Table<?> table, Field<UUID> id, Field<BigDecimal> amount, Condition visible) {
    }
}
