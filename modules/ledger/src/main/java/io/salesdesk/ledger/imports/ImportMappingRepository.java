package io.salesdesk.ledger.imports;

import static io.salesdesk.db.jooq.Tables.IMPORT_MAPPING;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Confirmed column mappings (table {@code import_mapping}), one per entity and header signature. */
public final class ImportMappingRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private ImportMappingRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    /** A repository working in the given transaction. */
    public static ImportMappingRepository using(Configuration configuration, Clock clock) {
        return new ImportMappingRepository(configuration, clock);
    }

    /** The saved mapping JSON for these headers, if any. */
    public Optional<String> find(String entityKey, String headerSignature) {
        return dsl.select(IMPORT_MAPPING.MAPPING_JSON).from(IMPORT_MAPPING)
                .where(IMPORT_MAPPING.ENTITY.eq(entityKey), IMPORT_MAPPING.HEADER_SIGNATURE.eq(headerSignature),
                        IMPORT_MAPPING.DELETED_AT.isNull())
                .fetchOptional(IMPORT_MAPPING.MAPPING_JSON);
    }

    /** Saves the mapping for these headers, replacing an older one. */
    public void save(Actor actor, String entityKey, String headerSignature, String mappingJson) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        int updated = dsl.update(IMPORT_MAPPING)
                .set(IMPORT_MAPPING.MAPPING_JSON, mappingJson)
                .set(IMPORT_MAPPING.DELETED_AT, (OffsetDateTime) null)
                .set(IMPORT_MAPPING.VERSION, IMPORT_MAPPING.VERSION.plus(1))
                .set(IMPORT_MAPPING.UPDATED_AT, now)
                .set(IMPORT_MAPPING.UPDATED_BY, actor == null ? null : actor.userId())
                .where(IMPORT_MAPPING.ENTITY.eq(entityKey), IMPORT_MAPPING.HEADER_SIGNATURE.eq(headerSignature))
                .execute();
        if (updated == 0) {
            dsl.insertInto(IMPORT_MAPPING)
                    .set(IMPORT_MAPPING.ID, Ids.newId(clock))
                    .set(IMPORT_MAPPING.ENTITY, entityKey)
                    .set(IMPORT_MAPPING.HEADER_SIGNATURE, headerSignature)
                    .set(IMPORT_MAPPING.MAPPING_JSON, mappingJson)
                    .set(IMPORT_MAPPING.VERSION, 1L)
                    .set(IMPORT_MAPPING.CREATED_AT, now)
                    .set(IMPORT_MAPPING.CREATED_BY, actor == null ? null : actor.userId())
                    .set(IMPORT_MAPPING.UPDATED_AT, now)
                    .set(IMPORT_MAPPING.UPDATED_BY, actor == null ? null : actor.userId())
                    .execute();
        }
    }
}
