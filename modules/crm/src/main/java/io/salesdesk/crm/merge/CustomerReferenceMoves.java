package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Moves the rows of one table from a customer to another: the common part of every module's
 * {@link CustomerReferences}. A business row (versioned) gets a new version and an audit entry
 * {@code customerId: from → into}, so the sync feed sends it to replicas and the history shows the move.
 */
public final class CustomerReferenceMoves {

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CustomerReferenceMoves(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CustomerReferenceMoves using(Configuration configuration, Clock clock) {
        return new CustomerReferenceMoves(configuration, clock);
    }

    /** The columns of a versioned business table that a move writes. */
    public record Versioned(String entity, Table<?> table, Field<UUID> id, Field<UUID> customerId, Field<Long> version,
                            Field<OffsetDateTime> updatedAt, Field<UUID> updatedBy) {
    }

    /** Moves a business table's rows, deleted ones too (so links from them resolve), one audit entry each. */
    public int moveVersioned(Versioned t, Actor actor, ChangeReason reason, UUID from, UUID into) {
        List<UUID> ids = dsl.select(t.id()).from(t.table()).where(t.customerId().eq(from)).orderBy(t.id()).fetch(t.id());
        if (ids.isEmpty()) {
            return 0;
        }
        dsl.update(t.table())
                .set(t.customerId(), into)
                .set(t.version(), t.version().plus(1))
                .set(t.updatedAt(), Rows.now(clock))
                .set(t.updatedBy(), Rows.userId(actor))
                .where(t.customerId().eq(from))
                .execute();
        List<ChangeLog.Pending> audit = new ArrayList<>(ids.size());
        Map<String, FieldChange> change = Map.of("customerId", new FieldChange(from.toString(), into.toString()));
        ids.forEach(id -> audit.add(new ChangeLog.Pending(t.entity(), id, ChangeEntry.Operation.UPDATE, change)));
        changeLog.recordAll(actor, reason, audit);
        return ids.size();
    }

    /** Moves the rows of a history or copy table (no version of its own), without audit entries. */
    public int movePlain(Table<?> table, Field<UUID> customerId, UUID from, UUID into) {
        return dsl.update(table).set(customerId, into).where(customerId.eq(from)).execute();
    }
}
