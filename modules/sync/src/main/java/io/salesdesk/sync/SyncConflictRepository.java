package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.SYNC_CONFLICT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.SyncConflictRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The hub's sync conflicts. */
final class SyncConflictRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private SyncConflictRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    static SyncConflictRepository using(Configuration configuration, Clock clock) {
        return new SyncConflictRepository(configuration, clock);
    }

    /**
     * A conflict about to be recorded.
     *
     * @param kind     what met what
     * @param field    the field
     * @param base     base value
     * @param hub      the hub's value
     * @param incoming the replica's value
     */
    record Found(SyncConflict.Kind kind, String field, String base, String hub, String incoming) {
    }

    void insertAll(TravelChange change, List<Found> found) {
        OffsetDateTime now = Rows.now(clock);
        List<SyncConflictRecord> records = new ArrayList<>(found.size());
        for (Found f : found) {
            SyncConflictRecord r = dsl.newRecord(SYNC_CONFLICT);
            r.setId(Ids.newId(clock));
            r.setEntity(change.entity().table());
            r.setEntityId(change.entityId());
            r.setField(f.field());
            r.setKind(f.kind().name());
            r.setBaseValue(f.base());
            r.setHubValue(f.hub());
            r.setIncomingValue(f.incoming());
            r.setOriginNode(change.originNode());
            r.setChangeId(change.changeId());
            r.setLamport(change.lamport());
            r.setChangedBy(change.changedBy());
            r.setChangedByName(change.changedByName());
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(change.changedBy());
            r.setUpdatedAt(now);
            r.setUpdatedBy(change.changedBy());
            if (f.kind() == SyncConflict.Kind.CLAIM_LOST) {
                // Resolved by rule: the first claim to reach the hub keeps the record.
                r.setResolvedAt(now);
                r.setResolvedValue(f.hub());
            }
            records.add(r);
        }
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    /** Every conflict, open ones first, oldest first. */
    List<SyncConflict> all() {
        return dsl.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.DELETED_AT.isNull())
                .orderBy(SYNC_CONFLICT.RESOLVED_AT.isNotNull(), SYNC_CONFLICT.CREATED_AT, SYNC_CONFLICT.ID)
                .fetch(SyncConflictRepository::toConflict);
    }

    /** Open conflicts, oldest first. */
    List<SyncConflict> open() {
        return dsl.selectFrom(SYNC_CONFLICT)
                .where(SYNC_CONFLICT.RESOLVED_AT.isNull(), SYNC_CONFLICT.DELETED_AT.isNull())
                .orderBy(SYNC_CONFLICT.CREATED_AT, SYNC_CONFLICT.ID)
                .fetch(SyncConflictRepository::toConflict);
    }

    /** Marks a conflict resolved with the chosen value; false if it was resolved already. */
    boolean resolve(Actor actor, UUID id, String value) {
        OffsetDateTime now = Rows.now(clock);
        return dsl.update(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.RESOLVED_AT, now)
                .set(SYNC_CONFLICT.RESOLVED_BY, Rows.userId(actor))
                .set(SYNC_CONFLICT.RESOLVED_VALUE, value)
                .set(SYNC_CONFLICT.VERSION, SYNC_CONFLICT.VERSION.plus(1))
                .set(SYNC_CONFLICT.UPDATED_AT, now)
                .set(SYNC_CONFLICT.UPDATED_BY, Rows.userId(actor))
                .where(SYNC_CONFLICT.ID.eq(id), SYNC_CONFLICT.RESOLVED_AT.isNull())
                .execute() == 1;
    }

    private static SyncConflict toConflict(SyncConflictRecord r) {
        return new SyncConflict(r.getId(), SyncedEntity.of(r.getEntity()).orElseThrow(), r.getEntityId(), r.getField(),
                SyncConflict.Kind.valueOf(r.getKind()), r.getBaseValue(), r.getHubValue(), r.getIncomingValue(),
                r.getOriginNode(), r.getChangeId(), r.getLamport(), r.getChangedByName(), r.getCreatedAt(),
                r.getResolvedAt(), r.getResolvedValue());
    }
}
