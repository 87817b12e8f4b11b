package io.salesdesk.crm.merge;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_MERGE;
import static io.salesdesk.db.jooq.Tables.CUSTOMER_MERGE_MOVE;

import io.salesdesk.core.Actor;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The record of each customer merge and of every row it moved, so that a merge can be undone in one
 * click: undo moves back exactly what the merge moved, and leaves a row that changed since.
 */
public final class CustomerMergeRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private CustomerMergeRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static CustomerMergeRepository using(Configuration configuration, Clock clock) {
        return new CustomerMergeRepository(configuration, clock);
    }

    /** A merge as recorded, with the merged customer's name. {@code undoneAt} is null while it stands. */
    public record Merge(UUID id, UUID survivorId, UUID mergedId, String mergedName, OffsetDateTime mergedAt,
                        UUID mergedBy, OffsetDateTime undoneAt) {
    }

    /**
     * One row a merge moved.
     *
     * @param kind         the table (contact, opportunity, customer_tag, custom_value, ...)
     * @param rowId        the row, null for a tag
     * @param versionAfter the row's version after the move, null for a row without one
     * @param detail       what the id cannot say: a tag's text, or a field's name
     */
    public record Move(String kind, UUID rowId, Long versionAfter, String detail) {
    }

    /** Starts the record of a merge; the movers then add what they moved through the journal. */
    public Journal start(Actor actor, UUID survivorId, UUID mergedId) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(CUSTOMER_MERGE)
                .set(CUSTOMER_MERGE.ID, id)
                .set(CUSTOMER_MERGE.SURVIVOR_ID, survivorId)
                .set(CUSTOMER_MERGE.MERGED_ID, mergedId)
                .set(CUSTOMER_MERGE.MERGED_AT, Rows.now(clock))
                .set(CUSTOMER_MERGE.MERGED_BY, Rows.userId(actor))
                .execute();
        return new Journal(id);
    }

    /** Where the movers of one merge write what they moved, in order. */
    public final class Journal {
        private final UUID mergeId;
        private int seq;

        private Journal(UUID mergeId) {
            this.mergeId = mergeId;
        }

        public UUID mergeId() {
            return mergeId;
        }

        public void add(List<Move> moves) {
            seq = insertMoves(mergeId, seq, moves);
        }
    }

    /** Writes moves after {@code seq}; returns the last seq written. */
    private int insertMoves(UUID mergeId, int seq, List<Move> moves) {
        if (moves.isEmpty()) {
            return seq;
        }
        var insert = dsl.insertInto(CUSTOMER_MERGE_MOVE, CUSTOMER_MERGE_MOVE.MERGE_ID, CUSTOMER_MERGE_MOVE.SEQ,
                CUSTOMER_MERGE_MOVE.KIND, CUSTOMER_MERGE_MOVE.ROW_ID, CUSTOMER_MERGE_MOVE.VERSION_AFTER,
                CUSTOMER_MERGE_MOVE.DETAIL);
        int at = seq;
        for (Move m : moves) {
            insert = insert.values(mergeId, ++at, m.kind(), m.rowId(), m.versionAfter(), m.detail());
        }
        insert.execute();
        return at;
    }

    public Optional<Merge> find(UUID mergeId) {
        return select(CUSTOMER_MERGE.ID.eq(mergeId)).stream().findFirst();
    }

    /** The merge, not undone, that made {@code mergedId} part of another customer, if it was recorded here. */
    public Optional<Merge> standingMergeOf(UUID mergedId) {
        return select(CUSTOMER_MERGE.MERGED_ID.eq(mergedId), CUSTOMER_MERGE.UNDONE_AT.isNull()).stream().findFirst();
    }

    /** The merges into {@code survivorId} recorded here and not undone, latest first. */
    public List<Merge> standingMergesInto(UUID survivorId) {
        return select(CUSTOMER_MERGE.SURVIVOR_ID.eq(survivorId), CUSTOMER_MERGE.UNDONE_AT.isNull());
    }

    private List<Merge> select(Condition... where) {
        return dsl.select(CUSTOMER_MERGE.ID, CUSTOMER_MERGE.SURVIVOR_ID, CUSTOMER_MERGE.MERGED_ID, CUSTOMER.NAME,
                        CUSTOMER_MERGE.MERGED_AT, CUSTOMER_MERGE.MERGED_BY, CUSTOMER_MERGE.UNDONE_AT)
                .from(CUSTOMER_MERGE).join(CUSTOMER).on(CUSTOMER.ID.eq(CUSTOMER_MERGE.MERGED_ID))
                .where(where)
                .orderBy(CUSTOMER_MERGE.MERGED_AT.desc(), CUSTOMER_MERGE.ID)
                .fetch(r -> new Merge(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** Every row the merge moved, in the order it moved them. */
    public List<Move> moves(UUID mergeId) {
        return dsl.select(CUSTOMER_MERGE_MOVE.KIND, CUSTOMER_MERGE_MOVE.ROW_ID, CUSTOMER_MERGE_MOVE.VERSION_AFTER,
                        CUSTOMER_MERGE_MOVE.DETAIL)
                .from(CUSTOMER_MERGE_MOVE).where(CUSTOMER_MERGE_MOVE.MERGE_ID.eq(mergeId))
                .orderBy(CUSTOMER_MERGE_MOVE.SEQ)
                .fetch(r -> new Move(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Marks the merge undone, once: false if it was undone already (by someone else on a shared
     * database a moment ago), so that the caller rolls back instead of undoing twice.
     */
    public boolean markUndone(Actor actor, UUID mergeId) {
        return dsl.update(CUSTOMER_MERGE)
                .set(CUSTOMER_MERGE.UNDONE_AT, Rows.now(clock))
                .set(CUSTOMER_MERGE.UNDONE_BY, Rows.userId(actor))
                .where(CUSTOMER_MERGE.ID.eq(mergeId), CUSTOMER_MERGE.UNDONE_AT.isNull())
                .execute() == 1;
    }
}
