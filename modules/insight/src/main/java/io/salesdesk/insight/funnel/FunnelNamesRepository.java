package io.salesdesk.insight.funnel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Names around a deal for the words of a coaching prompt. */
final class FunnelNamesRepository {

    private final DSLContext dsl;

    private FunnelNamesRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static FunnelNamesRepository using(Configuration configuration) {
        return new FunnelNamesRepository(configuration);
    }

    DealNames names(UUID opportunityId) {
        return dsl.select(CUSTOMER.NAME, APP_USER.DISPLAY_NAME).from(OPPORTUNITY)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(OPPORTUNITY.OWNER_ID))
                .where(OPPORTUNITY.ID.eq(opportunityId))
                .fetchOne(r -> new DealNames(r.value1(), r.value2()));
    }
}
