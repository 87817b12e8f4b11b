package io.salesdesk.workflow.sla;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.SLA_FIRING;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Finds the subjects whose anchor lies in a window and on which the rule has not yet taken the
 * action for that anchor: one query per rule and action, whatever the table's size.
 */
final class LapseRepository {

    /** Most lapses one rule acts on in one run; the rest wait for the next run. */
    static final int LIMIT = 2000;

    private final DSLContext dsl;

    // The fields a rule may count from, per subject. A customer never followed up counts from its
    // claim, else its creation; ".indexed" is the plain column behind such a fallback, so the query
    // can read the column's index for the rows that have a value.
    private static final Map<SlaRule.Subject, Map<String, Field<OffsetDateTime>>> FIELDS = Map.of(
            SlaRule.Subject.CUSTOMER, Map.of(
                    "lastFollowUpAt", DSL.coalesce(CUSTOMER.LAST_FOLLOW_UP_AT, CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT),
                    "lastFollowUpAt.indexed", CUSTOMER.LAST_FOLLOW_UP_AT,
                    "claimedAt", DSL.coalesce(CUSTOMER.CLAIMED_AT, CUSTOMER.CREATED_AT),
                    "createdAt", CUSTOMER.CREATED_AT),
            SlaRule.Subject.LEAD, Map.of(
                    "assignedAt", LEAD.ASSIGNED_AT,
                    "createdAt", LEAD.CREATED_AT));
    private static final String INDEXED = ".indexed";

    /** Whether a rule on this subject can count from the named field (a removed field it cannot). */
    static boolean knowsField(SlaRule.Subject subject, String name) {
        return !name.endsWith(INDEXED) && FIELDS.get(subject).containsKey(name);
    }

    private LapseRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static LapseRepository using(Configuration configuration) {
        return new LapseRepository(configuration);
    }

    private List<Lapse> customers(Condition where, Field<OffsetDateTime> anchor) {
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.OWNER_ID, APP_USER.DISPLAY_NAME, APP_USER.MANAGER_ID, anchor)
                .from(CUSTOMER).join(APP_USER).on(APP_USER.ID.eq(CUSTOMER.OWNER_ID)).where(where)
                .orderBy(anchor, CUSTOMER.ID).limit(LIMIT)
                .fetch(r -> new Lapse(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Lapses whose anchor lies in [from, to] on which the rule has not taken the action, at most {@link #LIMIT}. */
    List<Lapse> find(SlaRule rule, SlaRule.Action action, OffsetDateTime from, OffsetDateTime to) {
        Field<OffsetDateTime> anchor = FIELDS.get(rule.subject()).get(rule.sinceField());
        if (rule.subject() == SlaRule.Subject.CUSTOMER) {
            Condition notFired = DSL.notExists(DSL.selectOne().from(SLA_FIRING).where(SLA_FIRING.RULE_ID.eq(rule.id()),
                    SLA_FIRING.SUBJECT_ID.eq(CUSTOMER.ID), SLA_FIRING.ACTION.eq(action.name()),
                    SLA_FIRING.ANCHOR.eq(anchor)));
            Condition where = CUSTOMER.DELETED_AT.isNull().and(CUSTOMER.OWNER_ID.isNotNull()).and(notFired);
            if (rule.tier() != null) {
                where = where.and(CUSTOMER.TIER.eq(rule.tier().name()));
            }
            Field<OffsetDateTime> column = FIELDS.get(rule.subject()).get(rule.sinceField() + INDEXED);
            if (column == null) {
                return customers(where.and(anchor.between(from, to)), anchor);
            }
            // Two range reads instead of one scan of the whole table: customers with a value read
            // the column's index, the few without one fall back to the other fields.
            List<Lapse> lapses = new ArrayList<>(customers(where.and(column.between(from, to)), anchor));
            if (lapses.size() < LIMIT) {
                lapses.addAll(customers(where.and(column.isNull()).and(anchor.between(from, to)), anchor));
            }
            return lapses.size() <= LIMIT ? lapses : lapses.subList(0, LIMIT);
        }
        Condition notFired = DSL.notExists(DSL.selectOne().from(SLA_FIRING).where(SLA_FIRING.RULE_ID.eq(rule.id()),
                SLA_FIRING.SUBJECT_ID.eq(LEAD.ID), SLA_FIRING.ACTION.eq(action.name()), SLA_FIRING.ANCHOR.eq(anchor)));
        Condition where = LEAD.DELETED_AT.isNull().and(LEAD.OWNER_ID.isNotNull()).and(LEAD.STATUS.eq("ASSIGNED"))
                .and(LEAD.FIRST_RESPONSE_AT.isNull()).and(anchor.between(from, to)).and(notFired);
        if (rule.tier() != null) {
            where = where.and(DSL.coalesce(LEAD.TIER, DSL.val("C")).eq(rule.tier().name()));
        }
        return dsl.select(LEAD.ID, LEAD.NAME, LEAD.OWNER_ID, APP_USER.DISPLAY_NAME, APP_USER.MANAGER_ID, anchor)
                .from(LEAD).join(APP_USER).on(APP_USER.ID.eq(LEAD.OWNER_ID)).where(where)
                .orderBy(anchor, LEAD.ID).limit(LIMIT)
                .fetch(r -> new Lapse(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
