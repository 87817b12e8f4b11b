package io.salesdesk.board.escalation;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ESCALATION;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.EscalationRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Escalations in the database with their owner's name. Reads for a viewer apply
 * {@link Visibility} on the owner, so a manager sees the escalations about their subtree; every
 * change bumps the version and writes one audit entry.
 */
public final class EscalationRepository {

    static final String ENTITY = "escalation";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private EscalationRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static EscalationRepository using(Configuration configuration, Clock clock) {
        return new EscalationRepository(configuration, clock);
    }

    /** The live escalation if the viewer may see it. */
    public Optional<Escalation> find(Actor viewer, UUID id) {
        return selectWithOwner().where(ESCALATION.ID.eq(id), ESCALATION.DELETED_AT.isNull(),
                Visibility.ownedBy(ESCALATION.OWNER_ID, viewer)).fetchOptional(EscalationRepository::toEscalation);
    }

    /** The live escalation whoever may see it (conflict reports). */
    public Optional<Escalation> findAny(UUID id) {
        return selectWithOwner().where(ESCALATION.ID.eq(id), ESCALATION.DELETED_AT.isNull())
                .fetchOptional(EscalationRepository::toEscalation);
    }

    /** Whether the viewer may see the escalation with this id, deleted or not. */
    public boolean isVisible(Actor viewer, UUID id) {
        return dsl.fetchExists(ESCALATION, ESCALATION.ID.eq(id), Visibility.ownedBy(ESCALATION.OWNER_ID, viewer));
    }

    /** The live open or acknowledged escalation of this kind about this subject, if any. */
    public Optional<Escalation> findActive(String kind, String subjectEntity, UUID subjectId) {
        return selectWithOwner().where(ESCALATION.KIND.eq(kind), ESCALATION.SUBJECT_ENTITY.eq(subjectEntity),
                        ESCALATION.SUBJECT_ID.eq(subjectId), ESCALATION.DELETED_AT.isNull(),
                        ESCALATION.STATUS.in(EscalationStatus.OPEN.name(), EscalationStatus.ACKNOWLEDGED.name()))
                .orderBy(ESCALATION.RAISED_AT, ESCALATION.ID)
                .limit(1)
                .fetchOptional(EscalationRepository::toEscalation);
    }

    /** The subjects of the live open or acknowledged escalations of a kind, oldest first. */
    public List<UUID> activeSubjects(String kind, int limit) {
        return dsl.select(ESCALATION.SUBJECT_ID).from(ESCALATION)
                .where(ESCALATION.KIND.eq(kind), ESCALATION.DELETED_AT.isNull(),
                        ESCALATION.STATUS.in(EscalationStatus.OPEN.name(), EscalationStatus.ACKNOWLEDGED.name()))
                .orderBy(ESCALATION.RAISED_AT, ESCALATION.ID).limit(limit).fetch(ESCALATION.SUBJECT_ID);
    }

    /**
     * Locks the owner's user row until the transaction ends, so two raises about the same owner
     * (two clients running the rules on a shared database) run one after the other and the second
     * finds the first's card instead of adding another.
     */
    void lockOwner(UUID ownerId) {
        dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(ownerId)).forUpdate().fetch();
    }

    /** The rank of the first card of a column over all live escalations, null when it is empty. */
    public String topRank(EscalationStatus status) {
        return dsl.select(DSL.min(ESCALATION.BOARD_RANK)).from(ESCALATION)
                .where(ESCALATION.STATUS.eq(status.name()), ESCALATION.DELETED_AT.isNull())
                .fetchOne(0, String.class);
    }

    /** One column of the board in rank order, at most {@code limit} cards. */
    public List<Escalation> column(Actor viewer, EscalationStatus status, int limit) {
        return selectWithOwner().where(ESCALATION.STATUS.eq(status.name()), ESCALATION.DELETED_AT.isNull(),
                        Visibility.ownedBy(ESCALATION.OWNER_ID, viewer))
                .orderBy(ESCALATION.BOARD_RANK, ESCALATION.ID)
                .limit(limit)
                .fetch(EscalationRepository::toEscalation);
    }

    /** How many cards each column holds for the viewer, every status present. */
    public Map<EscalationStatus, Integer> counts(Actor viewer) {
        Map<EscalationStatus, Integer> counts = new EnumMap<>(EscalationStatus.class);
        for (EscalationStatus status : EscalationStatus.values()) {
            counts.put(status, 0);
        }
        dsl.select(ESCALATION.STATUS, DSL.count()).from(ESCALATION)
                .where(ESCALATION.DELETED_AT.isNull(), Visibility.ownedBy(ESCALATION.OWNER_ID, viewer))
                .groupBy(ESCALATION.STATUS)
                .forEach(r -> counts.put(EscalationStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Inserts a newly raised, open escalation with one audit entry. */
    Escalation insert(Actor actor, ChangeReason reason, UUID id, Raised raised) {
        OffsetDateTime now = Rows.now(clock);
        EscalationRecord r = dsl.newRecord(ESCALATION);
        r.setId(id);
        r.setKind(raised.kind());
        r.setSubjectEntity(raised.subject().entity());
        r.setSubjectId(raised.subject().id());
        r.setSubjectLabel(raised.subject().label());
        r.setReason(raised.reason());
        r.setDueAt(raised.dueAt());
        r.setRaisedAt(now);
        apply(r, raised.fields());
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", raised.kind());
        after.put("subjectEntity", raised.subject().entity());
        after.put("subjectId", raised.subject().id());
        after.put("subjectLabel", raised.subject().label());
        after.put("reason", raised.reason());
        after.put("dueAt", raised.dueAt());
        after.put("raisedAt", now);
        after.putAll(snapshot(raised.fields()));
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
        return findAny(id).orElseThrow();
    }

    /**
     * Writes changed fields on {@code expectedVersion}; nothing changes when no field differs.
     *
     * @throws StaleRecordException if the escalation changed or was deleted since that version
     */
    Escalation update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, EscalationFields fields) {
        Escalation current = findAny(id).orElse(null);
        if (current == null || current.version() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, current);
        }
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(EscalationFields.of(current)), snapshot(fields));
        if (changes.isEmpty()) {
            return current;
        }
        int updated = dsl.update(ESCALATION)
                .set(ESCALATION.OWNER_ID, fields.ownerId())
                .set(ESCALATION.STATUS, fields.status().name())
                .set(ESCALATION.ACKNOWLEDGED_AT, fields.acknowledgedAt())
                .set(ESCALATION.ACKNOWLEDGED_BY, fields.acknowledgedBy())
                .set(ESCALATION.RESOLVED_AT, fields.resolvedAt())
                .set(ESCALATION.RESOLVED_BY, fields.resolvedBy())
                .set(ESCALATION.RESOLUTION_NOTE, fields.resolutionNote())
                .set(ESCALATION.BOARD_RANK, fields.rank())
                .set(ESCALATION.VERSION, expectedVersion + 1)
                .set(ESCALATION.UPDATED_AT, Rows.now(clock))
                .set(ESCALATION.UPDATED_BY, Rows.userId(actor))
                .where(ESCALATION.ID.eq(id), ESCALATION.VERSION.eq(expectedVersion), ESCALATION.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /**
     * An escalation to insert.
     *
     * @param kind    the rule that raised it
     * @param subject what it is about
     * @param reason  what went wrong
     * @param dueAt   by when a supervisor should act, may be null
     * @param fields  owner, status and rank (nothing acknowledged or resolved yet)
     */
    record Raised(String kind, EscalationSubject subject, String reason, OffsetDateTime dueAt,
                  EscalationFields fields) {
    }

    private SelectOnConditionStep<Record> selectWithOwner() {
        return dsl.select(ESCALATION.fields()).select(APP_USER.DISPLAY_NAME)
                .from(ESCALATION).join(APP_USER).on(APP_USER.ID.eq(ESCALATION.OWNER_ID));
    }

    private static void apply(EscalationRecord r, EscalationFields f) {
        r.setOwnerId(f.ownerId());
        r.setStatus(f.status().name());
        r.setAcknowledgedAt(f.acknowledgedAt());
        r.setAcknowledgedBy(f.acknowledgedBy());
        r.setResolvedAt(f.resolvedAt());
        r.setResolvedBy(f.resolvedBy());
        r.setResolutionNote(f.resolutionNote());
        r.setBoardRank(f.rank());
    }

    // Names as Escalation spells them.
    private static Map<String, Object> snapshot(EscalationFields f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ownerId", f.ownerId());
        m.put("status", f.status());
        m.put("acknowledgedAt", f.acknowledgedAt());
        m.put("acknowledgedBy", f.acknowledgedBy());
        m.put("resolvedAt", f.resolvedAt());
        m.put("resolvedBy", f.resolvedBy());
        m.put("resolutionNote", f.resolutionNote());
        m.put("rank", f.rank());
        return m;
    }

    private static Escalation toEscalation(Record r) {
        EscalationRecord e = r.into(ESCALATION);
        return new Escalation(e.getId(), e.getKind(), e.getSubjectEntity(), e.getSubjectId(), e.getSubjectLabel(),
                e.getOwnerId(), r.get(APP_USER.DISPLAY_NAME), e.getReason(), EscalationStatus.valueOf(e.getStatus()),
                e.getDueAt(), e.getRaisedAt(), e.getAcknowledgedAt(), e.getAcknowledgedBy(), e.getResolvedAt(),
                e.getResolvedBy(), e.getResolutionNote(), e.getBoardRank(), e.getVersion(), e.getCreatedAt(),
                e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
