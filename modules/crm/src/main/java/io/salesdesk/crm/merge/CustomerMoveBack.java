package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The undo of a merge, as a mover sees it: the rows the merge moved from {@code mergedId} to
 * {@code survivorId}, to move back where nobody changed them since.
 */
public record CustomerMoveBack(Configuration configuration, Clock clock, Actor actor, ChangeReason reason,
                               UUID survivorId, UUID mergedId, List<CustomerMergeRepository.Move> moves) {

    /** The moves of one kind. */
    public List<CustomerMergeRepository.Move> of(String kind) {
        return moves.stream().filter(m -> m.kind().equals(kind)).toList();
    }
}
