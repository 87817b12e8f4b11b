package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.FieldChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A replica's own changes to synced rows, read from its audit trail: those not yet pushed. Changes
 * that sync itself wrote (reason SYNC) are never read here, so nothing travels back.
 */
final class LocalChangeRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final String SYNC = ChangeReason.Kind.SYNC.name();

    private final DSLContext dsl;

    private LocalChangeRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static LocalChangeRepository using(Configuration configuration) {
        return new LocalChangeRepository(configuration);
    }

    /**
     * A local change waiting to be pushed.
     *
     * @param seq           its place in the local audit trail
     * @param changeId      its id, which travels
     * @param entity        customer or contact
     * @param entityId      row id
     * @param operation     INSERT, UPDATE or DELETE
     * @param changes       field → old and new
     * @param changedBy     user id
     * @param changedByName user name
     */
    record LocalChange(long seq, UUID changeId, SyncedEntity entity, UUID entityId, String operation,
                       Map<String, FieldChange> changes, UUID changedBy, String changedByName) {
    }

    /** Up to {@code limit} local changes after {@code afterSeq}, oldest first. */
    List<LocalChange> after(long afterSeq, int limit) {
        return dsl.selectFrom(CHANGE_LOG).where(local(afterSeq)).orderBy(CHANGE_LOG.SEQ).limit(limit)
                .fetch(r -> new LocalChange(r.getSeq(), r.getId(), SyncedEntity.of(r.getEntity()).orElseThrow(),
                        r.getEntityId(), r.getOperation(), parse(r.getChanges()), r.getChangedBy(),
                        r.getChangedByName()));
    }

    /** How many local changes after {@code afterSeq} wait to be pushed. */
    int countAfter(long afterSeq) {
        return dsl.fetchCount(CHANGE_LOG, local(afterSeq));
    }

    /**
     * The fields of these rows with local changes after {@code afterSeq} ({@link SyncedEntity#DELETED}
     * for a local delete): sync must not overwrite them before they are pushed.
     */
    Map<UUID, Set<String>> unpushedFields(long afterSeq, Collection<UUID> ids) {
        Map<UUID, Set<String>> fields = new HashMap<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 1000) {
            List<UUID> chunk = list.subList(from, Math.min(list.size(), from + 1000));
            dsl.select(CHANGE_LOG.ENTITY_ID, CHANGE_LOG.OPERATION, CHANGE_LOG.CHANGES).from(CHANGE_LOG)
                    .where(local(afterSeq), CHANGE_LOG.ENTITY_ID.in(chunk))
                    .forEach(r -> {
                        Set<String> set = fields.computeIfAbsent(r.value1(), k -> new HashSet<>());
                        if ("DELETE".equals(r.value2())) {
                            set.add(SyncedEntity.DELETED);
                        } else {
                            set.addAll(parse(r.value3()).keySet());
                        }
                    });
        }
        return fields;
    }

    /**
     * A quote's lines as of the audit entry {@code seq}: the newest lines recorded for it at or
     * before that entry (its own changes or ones sync applied), null if none recorded them.
     */
    String quoteLinesAt(UUID quoteId, long seq) {
        for (String json : dsl.select(CHANGE_LOG.CHANGES).from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(SyncedEntity.QUOTE.table()), CHANGE_LOG.ENTITY_ID.eq(quoteId),
                        CHANGE_LOG.SEQ.le(seq))
                .orderBy(CHANGE_LOG.SEQ.desc()).fetch(CHANGE_LOG.CHANGES)) {
            FieldChange lines = parse(json).get("lines");
            if (lines != null) {
                return lines.newValue();
            }
        }
        return null;
    }

    private static Condition local(long afterSeq) {
        return CHANGE_LOG.SEQ.gt(afterSeq).and(CHANGE_LOG.ENTITY.in(SyncedEntity.tables()))
                .and(CHANGE_LOG.REASON_KIND.ne(SYNC));
    }

    private static Map<String, FieldChange> parse(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Change log entry is not valid JSON: " + json, e);
        }
    }
}
