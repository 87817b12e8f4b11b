package io.salesdesk.db;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.CHANGE_LOG_HEAD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.db.jooq.tables.records.ChangeLogRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The audit trail: one entry per change to a business row, hash-chained.
 *
 * <p>Each entry's hash covers its content and the previous entry's hash, so editing or deleting an
 * entry in the database breaks the chain at that point and {@link #firstBrokenSeq()} finds it.
 * The chain head is one row updated in the writing transaction; its row lock orders writers.
 */
public final class ChangeLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES_TYPE = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final Clock clock;

    private ChangeLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public static ChangeLog using(Configuration configuration, Clock clock) {
        return new ChangeLog(DSL.using(configuration), clock);
    }

    /** Records one change in the caller's transaction. Does nothing when no field changed. */
    public void record(Actor actor, ChangeReason reason, String entity, UUID entityId,
                       ChangeEntry.Operation operation, Map<String, FieldChange> changes) {
        if (changes.isEmpty() && operation == ChangeEntry.Operation.UPDATE) {
            return;
        }
        // Taking the head's row lock first serialises chain writers across connections.
        dsl.update(CHANGE_LOG_HEAD).set(CHANGE_LOG_HEAD.SEQ, CHANGE_LOG_HEAD.SEQ.plus(1))
                .where(CHANGE_LOG_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = dsl.select(CHANGE_LOG_HEAD.SEQ, CHANGE_LOG_HEAD.HASH)
                .from(CHANGE_LOG_HEAD).where(CHANGE_LOG_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1();
        String prevHash = head.value2();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String changesJson = toJson(changes);
        UUID userId = actor == null ? null : actor.userId();
        String userName = actor == null ? null : actor.displayName();
        String hash = hash(prevHash, seq, entity, entityId, operation.name(), at, userId, reason.kind().name(),
                reason.detail(), changesJson);
        dsl.insertInto(CHANGE_LOG)
                .set(CHANGE_LOG.ID, Ids.newId(clock))
                .set(CHANGE_LOG.SEQ, seq)
                .set(CHANGE_LOG.ENTITY, entity)
                .set(CHANGE_LOG.ENTITY_ID, entityId)
                .set(CHANGE_LOG.OPERATION, operation.name())
                .set(CHANGE_LOG.CHANGED_AT, at)
                .set(CHANGE_LOG.CHANGED_BY, userId)
                .set(CHANGE_LOG.CHANGED_BY_NAME, userName)
                .set(CHANGE_LOG.REASON_KIND, reason.kind().name())
                .set(CHANGE_LOG.REASON_DETAIL, reason.detail())
                .set(CHANGE_LOG.CHANGES, changesJson)
                .set(CHANGE_LOG.PREV_HASH, prevHash)
                .set(CHANGE_LOG.HASH, hash)
                .execute();
        dsl.update(CHANGE_LOG_HEAD).set(CHANGE_LOG_HEAD.HASH, hash).where(CHANGE_LOG_HEAD.ID.eq(1)).execute();
    }

    /** The history of one row, oldest first. */
    public List<ChangeEntry> forEntity(UUID entityId) {
        return dsl.selectFrom(CHANGE_LOG).where(CHANGE_LOG.ENTITY_ID.eq(entityId)).orderBy(CHANGE_LOG.SEQ)
                .fetch(ChangeLog::toEntry);
    }

    /** How many entries the trail holds. */
    public long size() {
        return dsl.fetchCount(CHANGE_LOG);
    }

    /**
     * Walks the whole chain and returns the sequence number of the first entry whose content or
     * link does not match its hash; empty when the trail is intact.
     */
    public OptionalLong firstBrokenSeq() {
        String expectedPrev = null;
        long expectedSeq = 1;
        try (var cursor = dsl.selectFrom(CHANGE_LOG).orderBy(CHANGE_LOG.SEQ).fetchSize(1000).fetchLazy()) {
            for (ChangeLogRecord r : cursor) {
                String recomputed = hash(r.getPrevHash(), r.getSeq(), r.getEntity(), r.getEntityId(),
                        r.getOperation(), r.getChangedAt(), r.getChangedBy(), r.getReasonKind(), r.getReasonDetail(),
                        r.getChanges());
                boolean linked = expectedPrev == null || expectedPrev.equals(r.getPrevHash());
                if (r.getSeq() != expectedSeq || !linked || !recomputed.equals(r.getHash())) {
                    return OptionalLong.of(expectedSeq);
                }
                expectedPrev = r.getHash();
                expectedSeq++;
            }
        }
        String headHash = dsl.select(CHANGE_LOG_HEAD.HASH).from(CHANGE_LOG_HEAD).where(CHANGE_LOG_HEAD.ID.eq(1))
                .fetchSingle().value1();
        if (expectedPrev != null && !expectedPrev.equals(headHash)) {
            return OptionalLong.of(expectedSeq);
        }
        return OptionalLong.empty();
    }

    private static ChangeEntry toEntry(ChangeLogRecord r) {
        return new ChangeEntry(r.getSeq(), r.getEntity(), r.getEntityId(),
                ChangeEntry.Operation.valueOf(r.getOperation()), r.getChangedAt(), r.getChangedBy(),
                r.getChangedByName(), r.getReasonKind(), r.getReasonDetail(), fromJson(r.getChanges()));
    }

    private static String toJson(Map<String, FieldChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Field changes could not be written as JSON", e);
        }
    }

    private static Map<String, FieldChange> fromJson(String json) {
        try {
            return JSON.readValue(json, CHANGES_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Change log entry is not valid JSON: " + json, e);
        }
    }

    private static String hash(String prevHash, long seq, String entity, UUID entityId, String operation,
                               OffsetDateTime at, UUID userId, String reasonKind, String reasonDetail, String changes) {
        String content = String.join("\u001f", prevHash, Long.toString(seq), entity, entityId.toString(), operation,
                Long.toString(at.toInstant().toEpochMilli()), String.valueOf(userId), reasonKind, reasonDetail, changes);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
