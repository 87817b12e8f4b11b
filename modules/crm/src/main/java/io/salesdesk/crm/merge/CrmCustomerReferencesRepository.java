package io.salesdesk.crm.merge;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.CONTACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_TAG;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.POOL_EVENT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.CustomerFirstWonRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * crm's own customer references: contacts, deals, follow-ups, leads, pool history and tags. Deals
 * moved, the first-win roll-up of both customers is counted again; follow-ups keep counting in the
 * KPI day roll-up, which is by day, owner and kind, not by customer.
 */
public final class CrmCustomerReferencesRepository implements CustomerReferences {

    @Override
    public Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                                     UUID from, UUID into) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(configuration, clock);
        Map<String, Integer> moved = new LinkedHashMap<>();
        put(moved, "contact", moves.moveVersioned(new CustomerReferenceMoves.Versioned("contact", CONTACT, CONTACT.ID,
                CONTACT.CUSTOMER_ID, CONTACT.VERSION, CONTACT.UPDATED_AT, CONTACT.UPDATED_BY), actor, reason, from, into));
        put(moved, "opportunity", moves.moveVersioned(new CustomerReferenceMoves.Versioned("opportunity", OPPORTUNITY,
                OPPORTUNITY.ID, OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.VERSION, OPPORTUNITY.UPDATED_AT,
                OPPORTUNITY.UPDATED_BY), actor, reason, from, into));
        put(moved, "activity", moves.moveVersioned(new CustomerReferenceMoves.Versioned("activity", ACTIVITY,
                ACTIVITY.ID, ACTIVITY.CUSTOMER_ID, ACTIVITY.VERSION, ACTIVITY.UPDATED_AT, ACTIVITY.UPDATED_BY),
                actor, reason, from, into));
        put(moved, "lead", moves.moveVersioned(new CustomerReferenceMoves.Versioned("lead", LEAD, LEAD.ID,
                LEAD.CUSTOMER_ID, LEAD.VERSION, LEAD.UPDATED_AT, LEAD.UPDATED_BY), actor, reason, from, into));
        put(moved, "pool_event", moves.movePlain(POOL_EVENT, POOL_EVENT.CUSTOMER_ID, from, into));
        put(moved, "customer_tag", moveTags(DSL.using(configuration), from, into));
        if (moved.containsKey("opportunity")) {
            CustomerFirstWonRepository.using(configuration).recount(List.of(from, into));
        }
        return moved;
    }

    /** The survivor gets the tags it lacks; the merged customer's tags go (they are the survivor's now). */
    private static int moveTags(DSLContext dsl, UUID from, UUID into) {
        int added = dsl.insertInto(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG)
                .select(DSL.select(DSL.val(into), CUSTOMER_TAG.TAG).from(CUSTOMER_TAG)
                        .where(CUSTOMER_TAG.CUSTOMER_ID.eq(from), CUSTOMER_TAG.TAG.notIn(
                                DSL.select(CUSTOMER_TAG.TAG).from(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(into)))))
                .execute();
        dsl.deleteFrom(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(from)).execute();
        return added;
    }

    private static void put(Map<String, Integer> moved, String kind, int count) {
        if (count > 0) {
            moved.put(kind, count);
        }
    }
}
