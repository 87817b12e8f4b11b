package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_FIRST_WON;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * When each owner first won a deal with each customer ({@code customer_first_won}): the customers
 * won in a period (CAC) are the rows of the period that no earlier row of an owner the viewer sees
 * precedes, read through the won_at index instead of grouping every won deal.
 *
 * <p>{@link OpportunityRepository} counts the customers of every deal it inserts, closes, reopens,
 * moves or deletes again, in the same transaction. A first win is a minimum, not a sum, so it is
 * recounted per customer, with the customer's row locked so that two writers of the same customer
 * take turns (the second recounts after the first committed).
 */
public final class CustomerFirstWonRepository {

    private final DSLContext dsl;

    private CustomerFirstWonRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static CustomerFirstWonRepository using(Configuration configuration) {
        return new CustomerFirstWonRepository(configuration);
    }

    /** Counts the first wins of {@code customerIds} again from their deals. */
    public void recount(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        TreeSet<UUID> ids = new TreeSet<>(customerIds);
        // In id order, so that writers of several customers lock them in the same order.
        dsl.select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.in(ids)).orderBy(CUSTOMER.ID).forUpdate().fetch();
        dsl.deleteFrom(CUSTOMER_FIRST_WON).where(CUSTOMER_FIRST_WON.CUSTOMER_ID.in(ids)).execute();
        insertFirstWins(OPPORTUNITY.CUSTOMER_ID.in(ids));
    }

    /** Counts every customer again: for deals written past the repository (a bulk load). */
    public int rebuild() {
        dsl.deleteFrom(CUSTOMER_FIRST_WON).execute();
        return insertFirstWins(DSL.noCondition());
    }

    private int insertFirstWins(Condition which) {
        Field<OffsetDateTime> first = DSL.min(OPPORTUNITY.CLOSED_AT);
        return dsl.insertInto(CUSTOMER_FIRST_WON, CUSTOMER_FIRST_WON.CUSTOMER_ID, CUSTOMER_FIRST_WON.OWNER_ID,
                        CUSTOMER_FIRST_WON.WON_AT)
                .select(DSL.select(OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.OWNER_ID, first)
                        .from(OPPORTUNITY).join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                        .where(which, OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY_STAGE.OUTCOME.eq("WON"),
                                OPPORTUNITY.CLOSED_AT.isNotNull())
                        .groupBy(OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.OWNER_ID))
                .execute();
    }
}
