package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The hub's conflicts for a manager: list them, and resolve one by choosing a value, which is
 * written to the row (through the repositories, reason SYNC) and travels to replicas on their
 * next pull like any hub change.
 */
public final class SyncConflictService {

    private final Database hub;
    private final Clock clock;

    public SyncConflictService(Database hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    /** Whether this database is a head office that branch replicas sync with (so conflicts can arise here). */
    public boolean isHub() {
        return hub.transactionResult(cfg -> SyncNodeRepository.using(cfg, clock).node()
                .map(n -> n.role() == SyncNode.Role.HUB).orElse(false));
    }

    /** Open conflicts, oldest first. */
    public List<SyncConflict> open() {
        return hub.transactionResult(cfg -> SyncConflictRepository.using(cfg, clock).open());
    }

    /** Every conflict, open ones first. */
    public List<SyncConflict> all() {
        return hub.transactionResult(cfg -> SyncConflictRepository.using(cfg, clock).all());
    }

    /**
     * Resolves a field conflict with the chosen value (usually its hub or incoming value). For a
     * conflict about a deleted row the row stays deleted and the choice is only recorded.
     *
     * @throws SalesDeskException if the conflict does not exist or is already resolved
     */
    public void resolve(Actor manager, UUID conflictId, String chosenValue) {
        hub.transaction(cfg -> {
            SyncConflictRepository conflicts = SyncConflictRepository.using(cfg, clock);
            SyncConflict conflict = conflicts.open().stream().filter(c -> c.id().equals(conflictId)).findFirst()
                    .orElseThrow(() -> new SalesDeskException("error.syncConflictNotOpen", conflictId));
            write(cfg, manager, conflict, chosenValue);
            conflicts.resolve(manager, conflictId, chosenValue);
        });
    }

    /**
     * Records the manager's answer to a {@link SyncConflict.Kind#DUPLICATE}: {@code merged} after they
     * merged the two customers (the merge itself is the customer merge, which travels as any hub
     * change), otherwise that the two are different companies and both stay.
     *
     * @throws SalesDeskException if the conflict does not exist, is resolved already or is no duplicate
     */
    public void resolveDuplicate(Actor manager, UUID conflictId, boolean merged) {
        hub.transaction(cfg -> {
            SyncConflictRepository conflicts = SyncConflictRepository.using(cfg, clock);
            SyncConflict conflict = conflicts.open().stream().filter(c -> c.id().equals(conflictId)).findFirst()
                    .filter(c -> c.kind() == SyncConflict.Kind.DUPLICATE)
                    .orElseThrow(() -> new SalesDeskException("error.syncConflictNotOpen", conflictId));
            conflicts.resolve(manager, conflict.id(), merged ? SyncConflict.MERGED : SyncConflict.NOT_DUPLICATE);
        });
    }

    private void write(Configuration cfg, Actor manager, SyncConflict conflict, String chosenValue) {
        RowState row = RowStateRepository.using(cfg).find(conflict.entity(), conflict.entityId()).orElse(null);
        if (row == null || row.deleted() || !row.fields().containsKey(conflict.field())) {
            return;
        }
        Map<String, String> target = new LinkedHashMap<>(row.fields());
        target.put(conflict.field(), chosenValue);
        RowWriter writer = new RowWriter(cfg, clock);
        writer.queue(new RowWriter.Write(manager, ChangeReason.of(ChangeReason.Kind.SYNC, "conflict " + conflict.id()),
                row, conflict.entity(), conflict.entityId(), target, false));
        writer.flush();
    }
}
