package io.salesdesk.insight.tier;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Tier rule completion counted in SQL: each live customer of the rule's tier that the viewer may
 * see, with its live activities of the rule's kind in a period, capped at the required count.
 */
public final class TierCompletionRepository {

    private static final Field<String> CUSTOMER_NAME = CUSTOMER.NAME.as("customer_name");
    private static final Field<String> TEAM_NAME = ORG_UNIT.NAME.as("team_name");

    private final DSLContext dsl;

    private TierCompletionRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static TierCompletionRepository using(Configuration configuration) {
        return new TierCompletionRepository(configuration);
    }

    /** One row per owned customer of the rule's tier: required and done (capped) in [from, to). */
    public List<Completion> perCustomer(Actor viewer, TierRule rule, OffsetDateTime from, OffsetDateTime to,
                                        boolean onlyShort) {
        Table<?> t = counted(viewer, rule, from, to);
        Field<Integer> done = capped(t, rule);
        Condition shortOf = onlyShort ? t.field("cnt", Integer.class).lt(rule.count()) : DSL.trueCondition();
        return dsl.select(t.field(CUSTOMER.ID), t.field(CUSTOMER_NAME), t.field(APP_USER.DISPLAY_NAME), done)
                .from(t).where(shortOf).orderBy(t.field(CUSTOMER_NAME), t.field(CUSTOMER.ID))
                .fetch(r -> new Completion(r.value1(), r.value2(), r.value3(), rule.count(), r.value4()));
    }

    /** Per rep (owner) with their team: required = customers × count, done = capped activities. */
    public List<Completion> perRep(Actor viewer, TierRule rule, OffsetDateTime from, OffsetDateTime to) {
        Table<?> t = counted(viewer, rule, from, to);
        Field<UUID> owner = t.field(CUSTOMER.OWNER_ID);
        Field<String> ownerName = t.field(APP_USER.DISPLAY_NAME);
        Field<String> team = t.field(TEAM_NAME);
        return dsl.select(owner, ownerName, team, DSL.count(), DSL.sum(capped(t, rule)))
                .from(t).groupBy(owner, ownerName, team).orderBy(ownerName, owner)
                .fetch(r -> new Completion(r.value1(), r.value2(), r.value3(), r.value4() * rule.count(),
                        r.value5() == null ? 0 : r.value5().intValue()));
    }

    private Table<?> counted(Actor viewer, TierRule rule, OffsetDateTime from, OffsetDateTime to) {
        return dsl.select(CUSTOMER.ID, CUSTOMER_NAME, CUSTOMER.OWNER_ID, APP_USER.DISPLAY_NAME, TEAM_NAME,
                        DSL.count(ACTIVITY.ID).as("cnt"))
                .from(CUSTOMER)
                .join(APP_USER).on(APP_USER.ID.eq(CUSTOMER.OWNER_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .leftJoin(ACTIVITY).on(ACTIVITY.CUSTOMER_ID.eq(CUSTOMER.ID), ACTIVITY.DELETED_AT.isNull(),
                        ACTIVITY.KIND.eq(rule.activityKind().name()), ACTIVITY.OCCURRED_AT.ge(from),
                        ACTIVITY.OCCURRED_AT.lt(to))
                .where(CUSTOMER.TIER.eq(rule.tier().name()), CUSTOMER.DELETED_AT.isNull(),
                        Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                .groupBy(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.OWNER_ID, APP_USER.DISPLAY_NAME, ORG_UNIT.NAME)
                .asTable("t");
    }

    private static Field<Integer> capped(Table<?> t, TierRule rule) {
        Field<Integer> cnt = t.field("cnt", Integer.class);
        return DSL.when(cnt.ge(rule.count()), DSL.inline(rule.count())).otherwise(cnt);
    }
}
