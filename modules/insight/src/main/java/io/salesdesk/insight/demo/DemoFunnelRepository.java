package io.salesdesk.insight.demo;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The demo's deals as the funnel demo needs them, and the one thing it changes on them: when they
 * were opened. The crm demo makes every deal "today" with a backdated stage entry; a funnel measures
 * from the opening, so the demo moves the opening back before the stage entry, as a real history
 * would have it.
 */
final class DemoFunnelRepository {

    private final DSLContext dsl;

    private DemoFunnelRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static DemoFunnelRepository using(Configuration configuration) {
        return new DemoFunnelRepository(configuration);
    }

    /** A live deal with its stage's place in the funnel. */
    record Deal(UUID id, UUID customerId, UUID ownerId, String stage, int stageOrder, boolean lost,
                OffsetDateTime inStageSince) {
    }

    List<Deal> deals() {
        return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.OWNER_ID, OPPORTUNITY.STAGE,
                        OPPORTUNITY_STAGE.SORT_ORDER, OPPORTUNITY_STAGE.OUTCOME, OPPORTUNITY.STAGE_CHANGED_AT)
                .from(OPPORTUNITY).join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .where(OPPORTUNITY.DELETED_AT.isNull()).orderBy(OPPORTUNITY.ID)
                .fetch(r -> new Deal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        "LOST".equals(r.value6()), r.value7()));
    }

    /** An owned live customer of tier A, B or C. */
    record TieredCustomer(UUID id, UUID ownerId, String tier) {
    }

    List<TieredCustomer> tieredCustomers() {
        return dsl.select(CUSTOMER.ID, CUSTOMER.OWNER_ID, CUSTOMER.TIER).from(CUSTOMER)
                .where(CUSTOMER.DELETED_AT.isNull(), CUSTOMER.OWNER_ID.isNotNull(), CUSTOMER.TIER.in("A", "B", "C"))
                .orderBy(CUSTOMER.ID).fetch(r -> new TieredCustomer(r.value1(), r.value2(), r.value3()));
    }

    void openedAt(UUID dealId, OffsetDateTime openedAt) {
        dsl.update(OPPORTUNITY).set(OPPORTUNITY.CREATED_AT, openedAt).where(OPPORTUNITY.ID.eq(dealId)).execute();
    }
}
