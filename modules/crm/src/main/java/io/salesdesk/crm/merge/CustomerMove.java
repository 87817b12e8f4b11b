package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * One move of a customer's references, in the caller's transaction.
 *
 * @param journal where the merge records what moved, for its undo; null where a move is not a
 *                merge of its own (a replica applying a merge made elsewhere)
 */
public record CustomerMove(Configuration configuration, Clock clock, Actor actor, ChangeReason reason, UUID from,
                           UUID into, CustomerMergeRepository.Journal journal) {

    /** Records moved rows, if this move keeps a journal. */
    public void record(List<CustomerMergeRepository.Move> moves) {
        if (journal != null) {
            journal.add(moves);
        }
    }
}
