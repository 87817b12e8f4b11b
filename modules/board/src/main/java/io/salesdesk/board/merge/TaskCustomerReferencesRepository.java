package io.salesdesk.board.merge;

import static io.salesdesk.db.jooq.Tables.TASK;

import io.salesdesk.crm.merge.CustomerMove;
import io.salesdesk.crm.merge.CustomerMoveBack;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.merge.MovedBack;
import java.util.Map;

/** Tasks about a merged customer move to the survivor, each with an audit entry, and back on undo. */
public final class TaskCustomerReferencesRepository implements CustomerReferences {

    private static final CustomerReferenceMoves.Versioned TASKS = new CustomerReferenceMoves.Versioned("task", TASK,
            TASK.ID, TASK.CUSTOMER_ID, TASK.VERSION, TASK.UPDATED_AT, TASK.UPDATED_BY, TASK.TITLE);

    @Override
    public Map<String, Integer> move(CustomerMove m) {
        int moved = CustomerReferenceMoves.using(m.configuration(), m.clock()).moveVersioned(TASKS, m);
        return moved == 0 ? Map.of() : Map.of("task", moved);
    }

    @Override
    public MovedBack moveBack(CustomerMoveBack b) {
        return CustomerReferenceMoves.using(b.configuration(), b.clock()).moveBackVersioned(TASKS, b);
    }
}
