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
import java.util.ArrayList;
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

    /** Records one change in the caller's transaction. Does nothing when an update changed no field. */
    public void record(Actor actor, ChangeReason reason, String entity, UUID entityId,
                       ChangeEntry.Operation operation, Map<String, FieldChange> changes) {
        recordAll(actor, reason, List.of(new Pending(entity, entityId, operation, changes)));
    }

    /**
     * Records many changes by one actor for one reason (an import batch, the demo workspace) in
     * the caller's transaction, chained in list order and written in one batch.
     */
    public void recordAll(Actor actor, ChangeReason reason, List<Pending> pending) {
        recordEach(pending.stream().map(p -> new Attributed(actor, reason, p)).toList());
    }

    /**
     * Records many changes, each by its own actor for its own reason (sync applying a page of
     * changes made by different users on a replica), in the caller's transaction, chained in list
     * order and written in one batch.
     */
    public void recordEach(List<Attributed> pending) {
        List<Attributed> real = pending.stream()
                .filter(a -> !(a.pending().changes().isEmpty() && a.pending().operation() == ChangeEntry.Operation.UPDATE))
                .toList();
        if (real.isEmpty()) {
            return;
        }
        // Taking the head's row lock first serialises chain writers across connections.
        dsl.update(CHANGE_LOG_HEAD).set(CHANGE_LOG_HEAD.SEQ, CHANGE_LOG_HEAD.SEQ.plus(real.size()))
                .where(CHANGE_LOG_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = dsl.select(CHANGE_LOG_HEAD.SEQ, CHANGE_LOG_HEAD.HASH)
                .from(CHANGE_LOG_HEAD).where(CHANGE_LOG_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1() - real.size();
        String prevHash = head.value2();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<ChangeLogRecord> records = new ArrayList<>(real.size());
        for (Attributed a : real) {
            Pending p = a.pending();
            UUID userId = a.actor() == null ? null : a.actor().userId();
            String userName = a.actor() == null ? null : a.actor().displayName();
            ChangeReason reason = a.reason();
            seq++;
            String changesJson = toJson(p.changes());
            String hash = hash(prevHash, seq, p.entity(), p.entityId(), p.operation().name(), at, userId,
                    reason.kind().name(), reason.detail(), changesJson);
            ChangeLogRecord r = dsl.newRecord(CHANGE_LOG);
            r.setId(Ids.newId(clock));
            r.setSeq(seq);
            r.setEntity(p.entity());
            r.setEntityId(p.entityId());
            r.setOperation(p.operation().name());
            r.setChangedAt(at);
            r.setChangedBy(userId);
            r.setChangedByName(userName);
            r.setReasonKind(reason.kind().name());
            r.setReasonDetail(reason.detail());
            r.setChanges(changesJson);
            r.setPrevHash(prevHash);
            r.setHash(hash);
            records.add(r);
            prevHash = hash;
        }
        BulkInsert.insert(dsl, records);
        dsl.update(CHANGE_LOG_HEAD).set(CHANGE_LOG_HEAD.HASH, prevHash).where(CHANGE_LOG_HEAD.ID.eq(1)).execute();
    }

    /**
     * A change waiting to be recorded with who made it and why.
     *
     * @param actor   who made it, null for the system
     * @param reason  why
     * @param pending the change
     */
    public record Attributed(Actor actor, ChangeReason reason, Pending pending) {
    }

    /**
     * A change waiting to be recorded.
     *
     * @param entity    table name
     * @param entityId  row id
     * @param operation insert, update or delete
     * @param changes   field → old and new
     */
    public record Pending(String entity, UUID entityId, ChangeEntry.Operation operation,
                          Map<String, FieldChange> changes) {
    }

    /** The history of one row, oldest first. */
    public List<ChangeEntry> forEntity(UUID entityId) {
        return dsl.selectFrom(CHANGE_LOG).where(CHANGE_LOG.ENTITY_ID.eq(entityId)).orderBy(CHANGE_LOG.SEQ)
                .fetch(ChangeLog::toEntry);
    }

    /**
     * The head of the chain: its sequence number and hash change with every recorded change, so
     * a copy of data stamped with the head is known to be current while the head is unchanged.
     */
    public Head head() {
        Record2<Long, String> head = dsl.select(CHANGE_LOG_HEAD.SEQ, CHANGE_LOG_HEAD.HASH)
                .from(CHANGE_LOG_HEAD).where(CHANGE_LOG_HEAD.ID.eq(1)).fetchSingle();
        return new Head(head.value1(), head.value2());
    }

    /**
     * The chain's head.
     *
     * @param seq  sequence number of the newest entry
     * @param hash hash of the newest entry
     */
    public record Head(long seq, String hash) {
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
