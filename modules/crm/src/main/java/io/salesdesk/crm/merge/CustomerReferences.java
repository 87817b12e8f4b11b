package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * How one module moves its rows that point to a customer when that customer is merged into another,
 * and moves them back when the merge is undone. Each module that owns customer references registers
 * one in {@code META-INF/services/io.salesdesk.crm.merge.CustomerReferences}, so that crm merges
 * customers without knowing the tables of the modules built on it.
 */
public interface CustomerReferences {

    /**
     * Moves every row that points to {@code move.from()} to {@code move.into()}, recording each moved
     * business row in the audit trail with the move's reason and each moved row in its journal.
     *
     * @return how many rows moved, by kind (the table name), kinds with none left out
     */
    Map<String, Integer> move(CustomerMove move);

    /**
     * Moves back the rows of this module that the merge moved and nobody changed since; lists the
     * others, which stay with the survivor.
     */
    MovedBack moveBack(CustomerMoveBack back);

    /** A move without a journal: a replica applying a merge made elsewhere. */
    default Map<String, Integer> move(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                                      UUID from, UUID into) {
        return move(new CustomerMove(configuration, clock, actor, reason, from, into, null));
    }
}
