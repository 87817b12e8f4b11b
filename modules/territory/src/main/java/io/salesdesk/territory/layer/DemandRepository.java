package io.salesdesk.territory.layer;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.Rows;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The follow-ups the heat layer counts: only the customer, its region and the time, for the
 * customers the viewer sees, in one streamed query however many there are.
 */
public final class DemandRepository {

    /** One follow-up as the heat layer needs it. */
    @FunctionalInterface
    public interface ActivityPoint {
        void accept(UUID customerId, String regionCode, OffsetDateTime occurredAt);
    }

    private final DSLContext dsl;

    private DemandRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static DemandRepository using(Configuration configuration) {
        return new DemandRepository(configuration);
    }

    /** Follow-ups in {@code [from, to)} with the customers the viewer sees. */
    public void activities(Actor viewer, OffsetDateTime from, OffsetDateTime to, ActivityPoint action) {
        try (var cursor = dsl.select(CUSTOMER.ID, CUSTOMER.REGION_CODE, ACTIVITY.OCCURRED_AT)
                .from(ACTIVITY)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                .where(ACTIVITY.DELETED_AT.isNull(), CUSTOMER.DELETED_AT.isNull(),
                        ACTIVITY.OCCURRED_AT.ge(from), ACTIVITY.OCCURRED_AT.lt(to),
                        Visibility.ownedBy(CUSTOMER.OWNER_ID, viewer))
                .fetchSize(Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(r.value1(), r.value2(), r.value3()));
        }
    }
}
