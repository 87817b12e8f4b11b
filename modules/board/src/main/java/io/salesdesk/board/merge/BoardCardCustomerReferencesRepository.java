package io.salesdesk.board.merge;

import static io.salesdesk.db.jooq.Tables.BOARD_CARD;

import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * A merged customer's cards on customer boards with manual columns: where the survivor has no card
 * on that board, the merged customer's card becomes the survivor's (the column a user put it in
 * stays); where it has one, the survivor's stays and the other is left on the merged customer,
 * which the board no longer shows.
 */
public final class BoardCardCustomerReferencesRepository implements CustomerReferences {

    private static final String KIND = "board_card";
    private static final CustomerReferenceMoves.Versioned CARDS = new CustomerReferenceMoves.Versioned(KIND,
            BOARD_CARD, BOARD_CARD.ID, BOARD_CARD.ITEM_ID, BOARD_CARD.VERSION, BOARD_CARD.UPDATED_AT,
            BOARD_CARD.UPDATED_BY, BOARD_CARD.COLUMN_KEY, "itemId");

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        var other = BOARD_CARD.as("other");
        // One row per board and item, deleted ones included (the unique key counts them).
        int moved = CustomerReferenceMoves.using(m.configuration(), m.clock()).moveVersioned(CARDS,
                DSL.notExists(DSL.selectOne().from(other).where(other.BOARD_ID.eq(BOARD_CARD.BOARD_ID),
                        other.ITEM_ID.eq(m.into()))), m);
        return moved == 0 ? Map.of() : Map.of(KIND, moved);
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        return CustomerReferenceMoves.using(b.configuration(), b.clock()).moveBackVersioned(CARDS, b);
    }
}
