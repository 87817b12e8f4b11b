package io.salesdesk.commerce.merge;

import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.COST_ENTRY;
import static io.salesdesk.db.jooq.Tables.ORDER_FREEZE;
import static io.salesdesk.db.jooq.Tables.QUOTE;

import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * Commerce's customer references for a customer merge: quotes, contracts and cost entries (business
 * rows, audited), the collection items' copy of their contract's customer and the 72-hour order
 * freezes (plain rows). Undo moves them back as the merge recorded them.
 */
public final class CommerceCustomerReferencesRepository implements CustomerReferences {

    private static final CustomerReferenceMoves.Versioned QUOTES = new CustomerReferenceMoves.Versioned("quote",
            QUOTE, QUOTE.ID, QUOTE.CUSTOMER_ID, QUOTE.VERSION, QUOTE.UPDATED_AT, QUOTE.UPDATED_BY, QUOTE.QUOTE_NO);
    private static final CustomerReferenceMoves.Versioned CONTRACTS = new CustomerReferenceMoves.Versioned(
            "contract", CONTRACT, CONTRACT.ID, CONTRACT.CUSTOMER_ID, CONTRACT.VERSION, CONTRACT.UPDATED_AT,
            CONTRACT.UPDATED_BY, CONTRACT.CONTRACT_NO);
    private static final CustomerReferenceMoves.Versioned COSTS = new CustomerReferenceMoves.Versioned("cost_entry",
            COST_ENTRY, COST_ENTRY.ID, COST_ENTRY.CUSTOMER_ID, COST_ENTRY.VERSION, COST_ENTRY.UPDATED_AT,
            COST_ENTRY.UPDATED_BY, COST_ENTRY.NOTE);

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(m.configuration(), m.clock());
        Map<String, Integer> moved = new LinkedHashMap<>();
        put(moved, "quote", moves.moveVersioned(QUOTES, m));
        put(moved, "contract", moves.moveVersioned(CONTRACTS, m));
        put(moved, "cost_entry", moves.moveVersioned(COSTS, m));
        put(moved, "collection_item", moves.movePlain("collection_item", COLLECTION_ITEM, COLLECTION_ITEM.ID,
                COLLECTION_ITEM.CUSTOMER_ID, m));
        put(moved, "order_freeze", moves.movePlain("order_freeze", ORDER_FREEZE, ORDER_FREEZE.ID,
                ORDER_FREEZE.CUSTOMER_ID, m));
        return moved;
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        CustomerReferenceMoves moves = CustomerReferenceMoves.using(b.configuration(), b.clock());
        return moves.moveBackVersioned(QUOTES, b)
                .plus(moves.moveBackVersioned(CONTRACTS, b))
                .plus(moves.moveBackVersioned(COSTS, b))
                // A collection item copies its contract's customer: it goes back only with its contract.
                .plus(moves.moveBackPlain("collection_item", COLLECTION_ITEM, COLLECTION_ITEM.ID,
                        COLLECTION_ITEM.CUSTOMER_ID, COLLECTION_ITEM.CONTRACT_ID.in(DSL.select(CONTRACT.ID)
                                .from(CONTRACT).where(CONTRACT.CUSTOMER_ID.eq(b.mergedId()))), b))
                .plus(moves.moveBackPlain("order_freeze", ORDER_FREEZE, ORDER_FREEZE.ID, ORDER_FREEZE.CUSTOMER_ID, b));
    }

    private static void put(Map<String, Integer> moved, String kind, int count) {
        if (count > 0) {
            moved.put(kind, count);
        }
    }
}
