package io.salesdesk.commerce.merge;

import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.COST_ENTRY;
import static io.salesdesk.db.jooq.Tables.ORDER_FREEZE;
import static io.salesdesk.db.jooq.Tables.QUOTE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Commerce's customer references for a customer merge: quotes, contracts and cost entries (business
 * rows, audited), the collection items' copy of their contract's customer and the 72-hour order
 * freezes (plain rows).
 */
public final class CommerceCustomerReferencesRepository implements CustomerReferences {

    @Override
    public Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                                     UUID from, UUID into) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(configuration, clock);
        Map<String, Integer> moved = new LinkedHashMap<>();
        put(moved, "quote", moves.moveVersioned(new CustomerReferenceMoves.Versioned("quote", QUOTE, QUOTE.ID,
                QUOTE.CUSTOMER_ID, QUOTE.VERSION, QUOTE.UPDATED_AT, QUOTE.UPDATED_BY), actor, reason, from, into));
        put(moved, "contract", moves.moveVersioned(new CustomerReferenceMoves.Versioned("contract", CONTRACT,
                CONTRACT.ID, CONTRACT.CUSTOMER_ID, CONTRACT.VERSION, CONTRACT.UPDATED_AT, CONTRACT.UPDATED_BY),
                actor, reason, from, into));
        put(moved, "cost_entry", moves.moveVersioned(new CustomerReferenceMoves.Versioned("cost_entry", COST_ENTRY,
                COST_ENTRY.ID, COST_ENTRY.CUSTOMER_ID, COST_ENTRY.VERSION, COST_ENTRY.UPDATED_AT,
                COST_ENTRY.UPDATED_BY), actor, reason, from, into));
        put(moved, "collection_item", moves.movePlain(COLLECTION_ITEM, COLLECTION_ITEM.CUSTOMER_ID, from, into));
        put(moved, "order_freeze", moves.movePlain(ORDER_FREEZE, ORDER_FREEZE.CUSTOMER_ID, from, into));
        return moved;
    }

    private static void put(Map<String, Integer> moved, String kind, int count) {
        if (count > 0) {
            moved.put(kind, count);
        }
    }
}
