package io.salesdesk.board.merge;

import static io.salesdesk.db.jooq.Tables.TASK;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.merge.CustomerReferenceMoves;
import io.salesdesk.crm.merge.CustomerReferences;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/** Tasks about a merged customer move to the survivor, each with an audit entry. */
public final class TaskCustomerReferencesRepository implements CustomerReferences {

    @Override
    public Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                                     UUID from, UUID into) {
        int moved = CustomerReferenceMoves.using(configuration, clock).moveVersioned(
                new CustomerReferenceMoves.Versioned("task", TASK, TASK.ID, TASK.CUSTOMER_ID, TASK.VERSION,
                        TASK.UPDATED_AT, TASK.UPDATED_BY), actor, reason, from, into);
        return moved == 0 ? Map.of() : Map.of("task", moved);
    }
}
