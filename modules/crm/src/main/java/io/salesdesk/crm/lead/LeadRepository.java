package io.salesdesk.crm.lead;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.LEAD;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.custom.CustomValueConditions;
import io.salesdesk.db.jooq.tables.records.LeadRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Leads in the database. A rep sees the leads assigned to them; a manager also sees their team's
 * and every unassigned one (someone must dispatch those). Every change bumps the version and
 * writes one audit entry.
 */
public final class LeadRepository {

    public static final String ENTITY = "lead";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private final UserRepository users;
    /** Each manager's region prefix, read once per repository (one transaction). */
    private final Map<UUID, String> regionPrefixes = new HashMap<>();

    private LeadRepository(Configuration configuration, Clock clock) {
        this.users = UserRepository.using(configuration, clock);
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static LeadRepository using(Configuration configuration, Clock clock) {
        return new LeadRepository(configuration, clock);
    }

    /**
     * A lead condition admitting what {@code viewer} may see: their own (a manager: their team's),
     * and for a manager also the waiting leads of their region or with no region (someone must
     * dispatch those); company-wide roles see every lead.
     */
    private Condition visibleTo(Actor viewer) {
        Condition owned = Visibility.ownedBy(LEAD.OWNER_ID, viewer);
        if (viewer.role() != Role.MANAGER) {
            return owned;
        }
        Condition waiting = LEAD.OWNER_ID.isNull();
        String prefix = regionPrefixes.computeIfAbsent(viewer.userId(),
                id -> users.regionPrefixOf(id).orElse(""));
        if (!prefix.isEmpty()) {
            waiting = waiting.and(LEAD.REGION_CODE.isNull().or(LEAD.REGION_CODE.startsWith(prefix)));
        }
        return owned.or(waiting);
    }

    /**
     * A new lead, validated by the service.
     *
     * @param assignedAt when it was assigned, null if it was not
     */
    public record NewLead(UUID id, LeadDraft draft, LeadStatus status, UUID ownerId, OffsetDateTime assignedAt,
                          String assignmentReason, Lead.AssignmentFlag flag, String rank, OffsetDateTime createdAt) {
    }

    /** Inserts leads with one audit entry each. */
    public void insertAll(Actor actor, ChangeReason reason, List<NewLead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        OffsetDateTime now = Rows.now(clock);
        List<LeadRecord> records = new ArrayList<>(leads.size());
        List<ChangeLog.Pending> audit = new ArrayList<>(leads.size());
        for (NewLead lead : leads) {
            LeadRecord r = dsl.newRecord(LEAD);
            r.setId(lead.id());
            write(r, new LeadFields(lead.draft(), lead.status(), lead.ownerId(), lead.assignedAt(),
                    lead.assignmentReason(), lead.flag(), null, null, null, null, null, null, lead.rank()));
            r.setVersion(1L);
            r.setCreatedAt(lead.createdAt() == null ? now : lead.createdAt());
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            records.add(r);
            audit.add(new ChangeLog.Pending(ENTITY, lead.id(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), snapshot(r))));
        }
        dsl.batchInsert(records).execute();
        LeadDayCountRepository.using(dsl.configuration()).addInserted(records);
        LeadKpiDayRepository kpiDays = LeadKpiDayRepository.using(dsl.configuration());
        kpiDays.apply(new LeadKpiDayRepository.Snapshot(Map.of()),
                kpiDays.ofLeads(records.stream().map(LeadRecord::getId).toList()));
        changeLog.recordAll(actor, reason, audit);
    }

    /** The live lead if the viewer may see it. */
    public Optional<Lead> find(Actor viewer, UUID id) {
        return select().where(LEAD.ID.eq(id), LEAD.DELETED_AT.isNull(), visibleTo(viewer))
                .fetchOptional(LeadRepository::toLead);
    }

    /** The live lead regardless of visibility. */
    public Optional<Lead> findAny(UUID id) {
        return select().where(LEAD.ID.eq(id), LEAD.DELETED_AT.isNull()).fetchOptional(LeadRepository::toLead);
    }

    /** The leads the viewer sees through the filter, newest first. */
    public List<Lead> list(Actor viewer, LeadFilter filter, int limit) {
        return select().where(conditions(viewer, filter)).orderBy(LEAD.CREATED_AT.desc(), LEAD.ID).limit(limit)
                .fetch(LeadRepository::toLead);
    }

    /** Streams every lead the viewer sees through the filter, newest first, without holding them all. */
    public void forEach(Actor viewer, LeadFilter filter, java.util.function.Consumer<Lead> action) {
        try (var cursor = select().where(conditions(viewer, filter)).orderBy(LEAD.CREATED_AT.desc(), LEAD.ID)
                .fetchSize(io.salesdesk.db.Rows.FETCH_SIZE).fetchLazy()) {
            cursor.forEach(r -> action.accept(toLead(r)));
        }
    }

    /** How many leads the viewer sees through the filter. */
    public int count(Actor viewer, LeadFilter filter) {
        return dsl.fetchCount(LEAD, conditions(viewer, filter));
    }

    /** One board column in rank order. */
    public List<Lead> column(Actor viewer, LeadStatus status, int limit) {
        return select().where(LEAD.DELETED_AT.isNull(), visibleTo(viewer), LEAD.STATUS.eq(status.name()))
                .orderBy(LEAD.BOARD_RANK, LEAD.ID).limit(limit).fetch(LeadRepository::toLead);
    }

    /** How many leads each status holds for the viewer, every status present. */
    public Map<LeadStatus, Integer> counts(Actor viewer) {
        Map<LeadStatus, Integer> counts = new EnumMap<>(LeadStatus.class);
        for (LeadStatus s : LeadStatus.values()) {
            counts.put(s, 0);
        }
        dsl.select(LEAD.STATUS, DSL.count()).from(LEAD).where(LEAD.DELETED_AT.isNull(), visibleTo(viewer))
                .groupBy(LEAD.STATUS).forEach(r -> counts.put(LeadStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** The rank of the top card of a status column over every lead, if any. */
    public Optional<String> topRank(LeadStatus status) {
        return Optional.ofNullable(dsl.select(DSL.min(LEAD.BOARD_RANK)).from(LEAD)
                .where(LEAD.STATUS.eq(status.name()), LEAD.DELETED_AT.isNull()).fetchOne(0, String.class));
    }

    /** Open (assigned, contacted or qualified) leads per owner: part of each rep's load. */
    public Map<UUID, Integer> openByOwner() {
        Map<UUID, Integer> open = new HashMap<>();
        dsl.select(LEAD.OWNER_ID, DSL.count()).from(LEAD)
                .where(LEAD.DELETED_AT.isNull(), LEAD.OWNER_ID.isNotNull(),
                        LEAD.STATUS.in(LeadStatus.ASSIGNED.name(), LeadStatus.CONTACTED.name(),
                                LeadStatus.QUALIFIED.name()))
                .groupBy(LEAD.OWNER_ID).forEach(r -> open.put(r.value1(), r.value2()));
        return open;
    }

    /** Live leads still waiting for a first response since before {@code assignedBefore}, oldest first. */
    public List<Lead> awaitingResponse(OffsetDateTime assignedBefore, int limit) {
        return select().where(LEAD.DELETED_AT.isNull(), LEAD.STATUS.eq(LeadStatus.ASSIGNED.name()),
                        LEAD.FIRST_RESPONSE_AT.isNull(), LEAD.ASSIGNED_AT.lt(assignedBefore))
                .orderBy(LEAD.ASSIGNED_AT).limit(limit).fetch(LeadRepository::toLead);
    }

    /**
     * Writes {@code change} of the lead as it is at {@code expectedVersion}, with one audit entry
     * for the fields that changed.
     *
     * @throws StaleRecordException if the lead changed or went away meanwhile
     */
    public Lead update(Actor actor, ChangeReason reason, UUID id, long expectedVersion,
                       UnaryOperator<LeadFields> change) {
        LeadRecord current = dsl.selectFrom(LEAD).where(LEAD.ID.eq(id), LEAD.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        LeadRecord changed = current.copy();
        changed.setId(id);
        write(changed, change.apply(LeadFields.of(findAny(id).orElseThrow())));
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(current), snapshot(changed));
        if (changes.isEmpty()) {
            return findAny(id).orElseThrow();
        }
        OffsetDateTime now = Rows.now(clock);
        // What the KPI roll-up counts of this lead: its owner, response minutes and deal.
        boolean counted = !Objects.equals(current.getOwnerId(), changed.getOwnerId())
                || !Objects.equals(current.getResponseMinutes(), changed.getResponseMinutes())
                || !Objects.equals(current.getOpportunityId(), changed.getOpportunityId());
        LeadKpiDayRepository kpiDays = LeadKpiDayRepository.using(dsl.configuration());
        LeadKpiDayRepository.Snapshot before = counted ? kpiDays.ofLeads(List.of(id)) : null;
        changed.setVersion(expectedVersion + 1);
        changed.setUpdatedAt(now);
        changed.setUpdatedBy(Rows.userId(actor));
        int updated = dsl.update(LEAD).set(changed)
                .where(LEAD.ID.eq(id), LEAD.VERSION.eq(expectedVersion), LEAD.DELETED_AT.isNull()).execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        if (counted) {
            kpiDays.apply(before, kpiDays.ofLeads(List.of(id)));
        }
        if (!Objects.equals(current.getRegionCode(), changed.getRegionCode())) {
            LeadDayCountRepository days = LeadDayCountRepository.using(dsl.configuration());
            days.add(current.getCreatedAt(), current.getRegionCode(), -1);
            days.add(current.getCreatedAt(), changed.getRegionCode(), 1);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    private static void write(LeadRecord r, LeadFields f) {
        LeadDraft d = f.draft();
        r.setName(d.name());
        r.setContactName(d.contactName());
        r.setPhone(d.phone());
        r.setAddress(d.address());
        r.setRegionCode(d.regionCode());
        r.setIndustry(d.industry());
        r.setTier(d.tier() == null ? null : d.tier().name());
        r.setSource(d.source());
        r.setNote(d.note());
        r.setStatus(f.status().name());
        r.setOwnerId(f.ownerId());
        r.setAssignedAt(f.assignedAt());
        r.setAssignmentReason(f.assignmentReason());
        r.setAssignmentFlag(f.assignmentFlag() == null ? null : f.assignmentFlag().name());
        r.setFirstResponseAt(f.firstResponseAt());
        r.setResponseMinutes(f.responseMinutes());
        r.setDisqualifyReason(f.disqualifyReason());
        r.setCustomerId(f.customerId());
        r.setOpportunityId(f.opportunityId());
        r.setClosedAt(f.closedAt());
        r.setBoardRank(f.boardRank());
    }

    /** Soft-deletes leads (an import undone), each changed last at the given version. */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        LeadKpiDayRepository kpiDays = LeadKpiDayRepository.using(dsl.configuration());
        LeadKpiDayRepository.Snapshot before = kpiDays.ofLeads(List.of(id));
        int deleted = dsl.update(LEAD).set(LEAD.DELETED_AT, now).set(LEAD.VERSION, expectedVersion + 1)
                .set(LEAD.UPDATED_AT, now).set(LEAD.UPDATED_BY, Rows.userId(actor))
                .where(LEAD.ID.eq(id), LEAD.VERSION.eq(expectedVersion), LEAD.DELETED_AT.isNull()).execute();
        if (deleted == 0) {
            throw stale(id, expectedVersion);
        }
        dsl.select(LEAD.CREATED_AT, LEAD.REGION_CODE).from(LEAD).where(LEAD.ID.eq(id)).fetchOptional()
                .ifPresent(r -> LeadDayCountRepository.using(dsl.configuration()).add(r.value1(), r.value2(), -1));
        kpiDays.apply(before, kpiDays.ofLeads(List.of(id)));
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, Map.of());
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }

    private Condition conditions(Actor viewer, LeadFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(LEAD.DELETED_AT.isNull());
        conditions.add(visibleTo(viewer));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            conditions.add(LEAD.STATUS.in(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.ownerId() != null) {
            conditions.add(LEAD.OWNER_ID.eq(filter.ownerId()));
        }
        if (filter.unassignedOnly()) {
            conditions.add(LEAD.OWNER_ID.isNull());
        }
        String text = Rows.blankToNull(filter.text());
        if (text != null) {
            String t = text.strip();
            conditions.add(LEAD.NAME.containsIgnoreCase(t).or(LEAD.CONTACT_NAME.containsIgnoreCase(t))
                    .or(LEAD.PHONE.contains(t)).or(LEAD.ADDRESS.containsIgnoreCase(t)));
        }
        if (!filter.customFilters().isEmpty()) {
            conditions.add(CustomValueConditions.matchAll(LEAD.ID, filter.customFilters()));
        }
        return DSL.and(conditions);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(LEAD.fields()).select(APP_USER.DISPLAY_NAME).from(LEAD)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(LEAD.OWNER_ID));
    }

    private static Lead toLead(Record r) {
        String tier = r.get(LEAD.TIER);
        String flag = r.get(LEAD.ASSIGNMENT_FLAG);
        return new Lead(r.get(LEAD.ID), r.get(LEAD.NAME), r.get(LEAD.CONTACT_NAME), r.get(LEAD.PHONE),
                r.get(LEAD.ADDRESS), r.get(LEAD.REGION_CODE), r.get(LEAD.INDUSTRY),
                tier == null ? null : Tier.valueOf(tier), r.get(LEAD.SOURCE), r.get(LEAD.NOTE),
                LeadStatus.valueOf(r.get(LEAD.STATUS)), r.get(LEAD.OWNER_ID), r.get(APP_USER.DISPLAY_NAME),
                r.get(LEAD.ASSIGNED_AT), r.get(LEAD.ASSIGNMENT_REASON),
                flag == null ? null : Lead.AssignmentFlag.valueOf(flag), r.get(LEAD.FIRST_RESPONSE_AT),
                r.get(LEAD.RESPONSE_MINUTES), r.get(LEAD.DISQUALIFY_REASON), r.get(LEAD.CUSTOMER_ID),
                r.get(LEAD.OPPORTUNITY_ID), r.get(LEAD.CLOSED_AT), r.get(LEAD.BOARD_RANK), r.get(LEAD.VERSION),
                r.get(LEAD.CREATED_AT));
    }

    private static Map<String, Object> snapshot(LeadRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.getName());
        m.put("contactName", r.getContactName());
        m.put("phone", r.getPhone());
        m.put("address", r.getAddress());
        m.put("regionCode", r.getRegionCode());
        m.put("industry", r.getIndustry());
        m.put("tier", r.getTier());
        m.put("source", r.getSource());
        m.put("note", r.getNote());
        m.put("status", r.getStatus());
        m.put("ownerId", r.getOwnerId());
        m.put("assignmentReason", r.getAssignmentReason());
        m.put("assignmentFlag", r.getAssignmentFlag());
        m.put("firstResponseAt", r.getFirstResponseAt());
        m.put("disqualifyReason", r.getDisqualifyReason());
        m.put("customerId", r.getCustomerId());
        m.put("opportunityId", r.getOpportunityId());
        m.put("boardRank", r.getBoardRank());
        return m;
    }
}
