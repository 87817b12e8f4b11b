package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.SYNC_NODE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads what a replica's sync status shows: when it last synced and how many changes wait. */
final class ReplicaStatusRepository {

    private final Configuration configuration;
    private final DSLContext dsl;

    private ReplicaStatusRepository(Configuration configuration) {
        this.configuration = configuration;
        this.dsl = DSL.using(configuration);
    }

    static ReplicaStatusRepository using(Configuration configuration) {
        return new ReplicaStatusRepository(configuration);
    }

    /** Empty unless this database is a branch replica. */
    Optional<ReplicaStatus> status() {
        return dsl.selectFrom(SYNC_NODE).where(SYNC_NODE.ROLE.eq(SyncNode.Role.REPLICA.name())).fetchOptional()
                .map(r -> {
                    OffsetDateTime at = r.getLastSyncedAt();
                    Instant last = at == null ? null : at.toInstant();
                    int waiting = LocalChangeRepository.using(configuration).countAfter(r.getPushedSeq());
                    return new ReplicaStatus(last, waiting);
                });
    }
}
