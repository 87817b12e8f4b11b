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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Moves the rows of one table from a customer to another, and back when the merge is undone: the
 * common part of every module's {@link CustomerReferences}. A business row (versioned) gets a new
 * version and an audit entry {@code customerId: from → into}, so the sync feed sends it to replicas
 * and the history shows the move; the merge's journal keeps the version the move gave it, so that
 * undo can tell whether anyone changed it since.
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

    /**
     * The columns of a versioned business table that a move writes.
     *
     * @param label      what a user knows a row by (a deal's name), shown when undo leaves it; may be null
     * @param auditField the name of the customer column in the audit entry ({@code customerId}, or
     *                   {@code recordId} where the row names a record of any kind)
     */
    public record Versioned(String entity, Table<?> table, Field<UUID> id, Field<UUID> customerId, Field<Long> version,
                            Field<OffsetDateTime> updatedAt, Field<UUID> updatedBy, Field<String> label,
                            String auditField) {

        public Versioned(String entity, Table<?> table, Field<UUID> id, Field<UUID> customerId, Field<Long> version,
                         Field<OffsetDateTime> updatedAt, Field<UUID> updatedBy, Field<String> label) {
            this(entity, table, id, customerId, version, updatedAt, updatedBy, label, "customerId");
        }

        public Versioned(String entity, Table<?> table, Field<UUID> id, Field<UUID> customerId, Field<Long> version,
                         Field<OffsetDateTime> updatedAt, Field<UUID> updatedBy) {
            this(entity, table, id, customerId, version, updatedAt, updatedBy, null);
        }
    }

    /** Moves a business table's rows, deleted ones too (so links from them resolve), one audit entry each. */
    public int moveVersioned(Versioned t, CustomerMove m) {
        return moveVersioned(t, DSL.noCondition(), m);
    }

    /** As {@link #moveVersioned(Versioned, CustomerMove)}, only the rows that also meet {@code only}. */
    public int moveVersioned(Versioned t, Condition only, CustomerMove m) {
        Map<UUID, Long> versions = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        dsl.select(t.id(), t.version()).from(t.table()).where(t.customerId().eq(m.from()), only).orderBy(t.id())
                .forEach(r -> {
                    ids.add(r.value1());
                    versions.put(r.value1(), r.value2());
                });
        if (ids.isEmpty()) {
            return 0;
        }
        dsl.update(t.table())
                .set(t.customerId(), m.into())
                .set(t.version(), t.version().plus(1))
                .set(t.updatedAt(), Rows.now(clock))
                .set(t.updatedBy(), Rows.userId(m.actor()))
                .where(t.customerId().eq(m.from()), only)
                .execute();
        audit(t, ids, m.actor(), m.reason(), m.from(), m.into());
        m.record(ids.stream().map(id -> new CustomerMergeRepository.Move(t.entity(), id, versions.get(id) + 1, null))
                .toList());
        return ids.size();
    }

    /** Moves the rows of a history or copy table (no version of its own), without audit entries. */
    public int movePlain(String kind, Table<?> table, Field<UUID> id, Field<UUID> customerId, CustomerMove m) {
        return movePlain(kind, table, id, customerId, DSL.noCondition(), m);
    }

    /** As {@link #movePlain(String, Table, Field, Field, CustomerMove)}, only the rows that also meet {@code only}. */
    public int movePlain(String kind, Table<?> table, Field<UUID> id, Field<UUID> customerId, Condition only,
                         CustomerMove m) {
        List<UUID> ids = dsl.select(id).from(table).where(customerId.eq(m.from()), only).orderBy(id).fetch(id);
        if (ids.isEmpty()) {
            return 0;
        }
        dsl.update(table).set(customerId, m.into()).where(customerId.eq(m.from()), only).execute();
        m.record(ids.stream().map(i -> new CustomerMergeRepository.Move(kind, i, null, null)).toList());
        return ids.size();
    }

    /**
     * Moves back the business rows the merge moved, those still on the survivor at the version the
     * move gave them; a row edited, deleted or moved again since stays and is listed.
     */
    public MovedBack moveBackVersioned(Versioned t, CustomerMoveBack b) {
        List<CustomerMergeRepository.Move> moves = b.of(t.entity());
        if (moves.isEmpty()) {
            return MovedBack.NONE;
        }
        Field<String> label = t.label() == null ? DSL.inline((String) null, String.class) : t.label();
        Map<UUID, Record> now = new HashMap<>();
        List<UUID> all = moves.stream().map(CustomerMergeRepository.Move::rowId).toList();
        for (List<UUID> chunk : chunks(all)) {
            dsl.select(t.id(), t.customerId(), t.version(), label).from(t.table()).where(t.id().in(chunk))
                    .forEach(r -> now.put(r.get(t.id()), r));
        }
        List<UUID> back = new ArrayList<>();
        List<MovedBack.Left> left = new ArrayList<>();
        for (CustomerMergeRepository.Move move : moves) {
            Record r = now.get(move.rowId());
            boolean untouched = r != null && b.survivorId().equals(r.get(t.customerId()))
                    && move.versionAfter().equals(r.get(t.version()));
            if (untouched && dsl.update(t.table())
                    .set(t.customerId(), b.mergedId())
                    .set(t.version(), t.version().plus(1))
                    .set(t.updatedAt(), Rows.now(clock))
                    .set(t.updatedBy(), Rows.userId(b.actor()))
                    .where(t.id().eq(move.rowId()), t.version().eq(move.versionAfter()))
                    .execute() == 1) {
                back.add(move.rowId());
            } else {
                left.add(new MovedBack.Left(t.entity(), move.rowId(), r == null ? null : r.get(label)));
            }
        }
        audit(t, back, b.actor(), b.reason(), b.survivorId(), b.mergedId());
        return new MovedBack(back.isEmpty() ? Map.of() : Map.of(t.entity(), back.size()), left);
    }

    /** Moves back the history or copy rows the merge moved that are still on the survivor. */
    public MovedBack moveBackPlain(String kind, Table<?> table, Field<UUID> id, Field<UUID> customerId,
                                   CustomerMoveBack b) {
        return moveBackPlain(kind, table, id, customerId, DSL.noCondition(), b);
    }

    /** As {@link #moveBackPlain(String, Table, Field, Field, CustomerMoveBack)}, for rows that also meet {@code also}. */
    public MovedBack moveBackPlain(String kind, Table<?> table, Field<UUID> id, Field<UUID> customerId,
                                   Condition also, CustomerMoveBack b) {
        List<UUID> ids = b.of(kind).stream().map(CustomerMergeRepository.Move::rowId).toList();
        if (ids.isEmpty()) {
            return MovedBack.NONE;
        }
        int n = 0;
        for (List<UUID> chunk : chunks(ids)) {
            n += dsl.update(table).set(customerId, b.mergedId())
                    .where(id.in(chunk), customerId.eq(b.survivorId()), also).execute();
        }
        return new MovedBack(n == 0 ? Map.of() : Map.of(kind, n), List.of());
    }

    /** Id lists of a size both databases take as bind values. */
    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return chunks;
    }

    private void audit(Versioned t, List<UUID> ids, Actor actor, ChangeReason reason, UUID from, UUID into) {
        if (ids.isEmpty()) {
            return;
        }
        List<ChangeLog.Pending> audit = new ArrayList<>(ids.size());
        Map<String, FieldChange> change = Map.of(t.auditField(), new FieldChange(from.toString(), into.toString()));
        ids.forEach(id -> audit.add(new ChangeLog.Pending(t.entity(), id, ChangeEntry.Operation.UPDATE, change)));
        changeLog.recordAll(actor, reason, audit);
    }
}
