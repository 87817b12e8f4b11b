package io.salesdesk.insight.report;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APPROVAL_STEP;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.ESCALATION;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.ORDER_FREEZE;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.SURGE_ALERT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.jooq.tables.AppUser;
import io.salesdesk.insight.report.DailyReport.Alert;
import io.salesdesk.insight.report.DailyReport.AlertKind;
import io.salesdesk.insight.report.DailyReport.CollectionDue;
import io.salesdesk.insight.report.DailyReport.LeadTotals;
import io.salesdesk.insight.report.DailyReport.NewLead;
import io.salesdesk.insight.report.DailyReport.RepActivity;
import io.salesdesk.insight.report.DailyReport.StageMove;
import io.salesdesk.insight.report.DailyReport.WaitingApproval;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The daily report's sections, each one query over the period's window: counts and sums are
 * computed by the database. People are taken with their org unit, so each row names its team;
 * the scope keeps those under the chosen unit, {@link Visibility} those the viewer may see.
 */
public final class DailyReportRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPPORTUNITY_ENTITY = "opportunity";
    /** Enough rows for any team's day; a larger list is cut here and the totals still count all. */
    static final int LIST_LIMIT = 5000;

    private final DSLContext dsl;
    private final AppUser person = APP_USER.as("person");
    private final io.salesdesk.db.jooq.tables.OrgUnit unit = ORG_UNIT.as("unit");

    private DailyReportRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static DailyReportRepository using(Configuration configuration) {
        return new DailyReportRepository(configuration);
    }

    /** The org units a report can be made for (regions and teams), in tree order. */
    public List<OrgUnit> units() {
        return dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.DELETED_AT.isNull(), ORG_UNIT.KIND.ne(OrgUnit.Kind.COMPANY.name()))
                .orderBy(ORG_UNIT.PATH)
                .fetch(r -> new OrgUnit(r.getId(), r.getParentId(), r.getName(), OrgUnit.Kind.valueOf(r.getKind()),
                        r.getPath(), r.getRegionCode()));
    }

    /** The company's name: the root of the org tree. */
    public String companyName() {
        return dsl.select(ORG_UNIT.NAME).from(ORG_UNIT)
                .where(ORG_UNIT.PARENT_ID.isNull(), ORG_UNIT.DELETED_AT.isNull()).orderBy(ORG_UNIT.PATH).limit(1)
                .fetchOptional(ORG_UNIT.NAME).orElse("");
    }

    /**
     * Each rep's follow-ups: every active rep in scope appears, a rep with none among them (the
     * line a manager looks for first), and anyone else who recorded one.
     */
    public List<RepActivity> activities(ReportScope scope, Actor viewer, ReportPeriod period) {
        Condition inWindow = ACTIVITY.OWNER_ID.eq(person.ID).and(ACTIVITY.DELETED_AT.isNull())
                .and(ACTIVITY.OCCURRED_AT.ge(period.from())).and(ACTIVITY.OCCURRED_AT.lt(period.to()));
        Field<Integer> calls = countKind("CALL");
        Field<Integer> visits = countKind("VISIT");
        Field<Integer> meetings = countKind("MEETING");
        Field<Integer> demos = countKind("DEMO");
        Field<Integer> notes = countKind("NOTE");
        Field<Integer> touches = DSL.countDistinct(DSL.when(ACTIVITY.KIND.ne("NOTE"), ACTIVITY.CUSTOMER_ID));
        return dsl.select(person.ID, person.DISPLAY_NAME, unit.NAME, calls, visits, meetings, demos, notes, touches)
                .from(person).join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .leftJoin(ACTIVITY).on(inWindow)
                .where(person.DELETED_AT.isNull(), people(scope, viewer))
                .groupBy(person.ID, person.DISPLAY_NAME, person.ROLE, person.ACTIVE, unit.NAME, unit.PATH)
                .having(person.ROLE.eq(Role.REP.name()).and(person.ACTIVE.isTrue()).or(DSL.count(ACTIVITY.ID).gt(0)))
                .orderBy(unit.PATH, person.DISPLAY_NAME)
                .fetch(r -> new RepActivity(r.get(person.ID), r.get(person.DISPLAY_NAME), r.get(unit.NAME),
                        r.get(calls), r.get(visits), r.get(meetings), r.get(demos), r.get(notes), r.get(touches)));
    }

    private static Field<Integer> countKind(String kind) {
        return DSL.count(DSL.when(ACTIVITY.KIND.eq(kind), DSL.inline(1)));
    }

    /** Leads created in the period; unassigned ones only in a company report. */
    public List<NewLead> leads(ReportScope scope, Actor viewer, ReportPeriod period) {
        return dsl.select(LEAD.ID, LEAD.NAME, LEAD.SOURCE, LEAD.STATUS, LEAD.CREATED_AT, LEAD.RESPONSE_MINUTES,
                        person.DISPLAY_NAME, unit.NAME)
                .from(LEAD).leftJoin(person).on(person.ID.eq(LEAD.OWNER_ID))
                .leftJoin(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(leadCondition(scope, viewer, period))
                .orderBy(LEAD.CREATED_AT, LEAD.ID).limit(LIST_LIMIT)
                .fetch(r -> new NewLead(r.get(LEAD.ID), r.get(LEAD.NAME), r.get(LEAD.SOURCE), r.get(person.DISPLAY_NAME),
                        r.get(unit.NAME), r.get(LEAD.STATUS), r.get(LEAD.CREATED_AT), r.get(LEAD.RESPONSE_MINUTES)));
    }

    /** Count and response minutes of the period's leads, over all of them (not only the listed). */
    public LeadTotals leadTotals(ReportScope scope, Actor viewer, ReportPeriod period) {
        Field<Integer> count = DSL.count();
        Field<Integer> answered = DSL.count(LEAD.RESPONSE_MINUTES);
        Field<Integer> unassigned = DSL.count(DSL.when(LEAD.OWNER_ID.isNull(), DSL.inline(1)));
        Field<BigDecimal> average = DSL.avg(LEAD.RESPONSE_MINUTES);
        Field<Integer> slowest = DSL.max(LEAD.RESPONSE_MINUTES);
        Record r = dsl.select(count, answered, unassigned, average, slowest)
                .from(LEAD).leftJoin(person).on(person.ID.eq(LEAD.OWNER_ID))
                .leftJoin(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(leadCondition(scope, viewer, period)).fetchSingle();
        BigDecimal avg = r.get(average);
        return new LeadTotals(r.get(count), r.get(answered), r.get(unassigned),
                avg == null ? null : avg.setScale(0, java.math.RoundingMode.HALF_UP).intValue(), r.get(slowest));
    }

    private Condition leadCondition(ReportScope scope, Actor viewer, ReportPeriod period) {
        Condition c = LEAD.DELETED_AT.isNull().and(LEAD.CREATED_AT.ge(period.from())).and(LEAD.CREATED_AT.lt(period.to()));
        if (!scope.isCompany()) {
            c = c.and(unit.PATH.startsWith(scope.path()));
        }
        return c.and(Visibility.ownedBy(LEAD.OWNER_ID, viewer));
    }

    /**
     * Stage moves as the change log recorded them (the deal's own row keeps only its current
     * stage): every update of a live deal in the period whose changes include its stage.
     */
    public List<StageMove> stageMoves(ReportScope scope, Actor viewer, ReportPeriod period) {
        Map<String, String> stageNames = new LinkedHashMap<>();
        dsl.select(OPPORTUNITY_STAGE.CODE, OPPORTUNITY_STAGE.NAME_ZH).from(OPPORTUNITY_STAGE)
                .forEach(r -> stageNames.put(r.value1(), r.value2()));
        List<StageMove> moves = new ArrayList<>();
        dsl.select(OPPORTUNITY.ID, OPPORTUNITY.NAME, OPPORTUNITY.AMOUNT, CUSTOMER.NAME, person.DISPLAY_NAME, unit.NAME,
                        CHANGE_LOG.CHANGED_AT, CHANGE_LOG.CHANGES)
                .from(CHANGE_LOG).join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(CHANGE_LOG.ENTITY_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(person).on(person.ID.eq(OPPORTUNITY.OWNER_ID))
                .join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(CHANGE_LOG.ENTITY.eq(OPPORTUNITY_ENTITY), CHANGE_LOG.OPERATION.eq("UPDATE"),
                        CHANGE_LOG.CHANGED_AT.ge(period.from()), CHANGE_LOG.CHANGED_AT.lt(period.to()),
                        CHANGE_LOG.CHANGES.like("%\"stage\":%"), OPPORTUNITY.DELETED_AT.isNull(),
                        CUSTOMER.DELETED_AT.isNull(), people(scope, viewer))
                .orderBy(CHANGE_LOG.SEQ).limit(LIST_LIMIT)
                .forEach(r -> {
                    String[] change = stageChange(r.get(CHANGE_LOG.CHANGES));
                    if (change != null) {
                        moves.add(new StageMove(r.get(OPPORTUNITY.ID), r.get(OPPORTUNITY.NAME), r.get(CUSTOMER.NAME),
                                r.get(person.DISPLAY_NAME), r.get(unit.NAME), change[0],
                                stageNames.getOrDefault(change[0], change[0]), change[1],
                                stageNames.getOrDefault(change[1], change[1]), r.get(OPPORTUNITY.AMOUNT),
                                r.get(CHANGE_LOG.CHANGED_AT)));
                    }
                });
        return moves;
    }

    /** {old, new} stage codes from a change-log entry, or null if the stage did not change. */
    static String[] stageChange(String changesJson) {
        try {
            JsonNode stage = JSON.readTree(changesJson).get("stage");
            if (stage == null || stage.get("newValue") == null || stage.get("newValue").isNull()) {
                return null;
            }
            JsonNode old = stage.get("oldValue");
            return new String[]{old == null || old.isNull() ? null : old.asText(), stage.get("newValue").asText()};
        } catch (IOException e) {
            throw new IllegalStateException("unreadable change-log entry: " + changesJson, e);
        }
    }

    /**
     * Approval requests open at {@code asOf}: submitted before it and not decided by then. A past
     * day's report shows what was waiting that evening, not what waits today.
     */
    public List<WaitingApproval> approvals(ReportScope scope, Actor viewer, OffsetDateTime asOf) {
        Field<String> step = DSL.field(DSL.select(DSL.min(APPROVAL_STEP.NAME)).from(APPROVAL_STEP)
                .where(APPROVAL_STEP.REQUEST_ID.eq(APPROVAL_REQUEST.ID), APPROVAL_STEP.STATUS.eq("ACTIVE")));
        Field<Boolean> overdue = DSL.field(DSL.exists(DSL.selectOne().from(APPROVAL_STEP)
                .where(APPROVAL_STEP.REQUEST_ID.eq(APPROVAL_REQUEST.ID), APPROVAL_STEP.STATUS.eq("ACTIVE"),
                        APPROVAL_STEP.DUE_AT.lt(asOf))));
        return dsl.select(APPROVAL_REQUEST.ID, APPROVAL_REQUEST.TITLE, APPROVAL_REQUEST.SUBMITTED_AT, person.DISPLAY_NAME,
                        unit.NAME, step, overdue)
                .from(APPROVAL_REQUEST).join(person).on(person.ID.eq(APPROVAL_REQUEST.SUBMITTER_ID))
                .join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(APPROVAL_REQUEST.SUBMITTED_AT.lt(asOf),
                        APPROVAL_REQUEST.DECIDED_AT.isNull().and(APPROVAL_REQUEST.STATUS.eq("PENDING"))
                                .or(APPROVAL_REQUEST.DECIDED_AT.ge(asOf)),
                        people(scope, viewer))
                .orderBy(APPROVAL_REQUEST.SUBMITTED_AT, APPROVAL_REQUEST.ID).limit(LIST_LIMIT)
                .fetch(r -> new WaitingApproval(r.get(APPROVAL_REQUEST.ID), r.get(APPROVAL_REQUEST.TITLE),
                        r.get(person.DISPLAY_NAME), r.get(unit.NAME), r.get(step), r.get(APPROVAL_REQUEST.SUBMITTED_AT),
                        Duration.between(r.get(APPROVAL_REQUEST.SUBMITTED_AT), asOf).toHours(),
                        Boolean.TRUE.equals(r.get(overdue))));
    }

    /**
     * Instalments of live contracts not fully collected and due by {@code lastDay} plus the
     * look-ahead: overdue ones first, the oldest at the top.
     */
    public List<CollectionDue> collections(ReportScope scope, Actor viewer, LocalDate lastDay) {
        Field<BigDecimal> outstanding = COLLECTION_ITEM.AMOUNT.minus(COLLECTION_ITEM.COLLECTED);
        return dsl.select(COLLECTION_ITEM.ID, COLLECTION_ITEM.MILESTONE, COLLECTION_ITEM.DUE_ON, COLLECTION_ITEM.AMOUNT,
                        outstanding, CONTRACT.CONTRACT_NO, CUSTOMER.NAME, person.DISPLAY_NAME, unit.NAME)
                .from(COLLECTION_ITEM).join(CONTRACT).on(CONTRACT.ID.eq(COLLECTION_ITEM.CONTRACT_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(COLLECTION_ITEM.CUSTOMER_ID))
                .join(person).on(person.ID.eq(COLLECTION_ITEM.OWNER_ID))
                .join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(CONTRACT.DELETED_AT.isNull(), CONTRACT.STATUS.in("SIGNED", "EXECUTING"),
                        CUSTOMER.DELETED_AT.isNull(), COLLECTION_ITEM.DUE_ON.isNotNull(),
                        COLLECTION_ITEM.DUE_ON.le(lastDay.plusDays(DailyReport.COLLECTIONS_AHEAD_DAYS)),
                        COLLECTION_ITEM.COLLECTED.lt(COLLECTION_ITEM.AMOUNT), people(scope, viewer))
                .orderBy(COLLECTION_ITEM.DUE_ON, CUSTOMER.NAME, COLLECTION_ITEM.ID).limit(LIST_LIMIT)
                .fetch(r -> new CollectionDue(r.get(COLLECTION_ITEM.ID), r.get(CUSTOMER.NAME), r.get(CONTRACT.CONTRACT_NO),
                        r.get(person.DISPLAY_NAME), r.get(unit.NAME), r.get(COLLECTION_ITEM.MILESTONE),
                        r.get(COLLECTION_ITEM.DUE_ON), r.get(COLLECTION_ITEM.AMOUNT), r.get(outstanding),
                        ChronoUnit.DAYS.between(r.get(COLLECTION_ITEM.DUE_ON), lastDay)));
    }

    /**
     * Escalations and frozen orders raised in the period on people in scope; demand surges (which
     * belong to a region, not a person) only in a company report for a viewer who sees everything.
     */
    public List<Alert> alerts(ReportScope scope, Actor viewer, ReportPeriod period) {
        List<Alert> alerts = new ArrayList<>();
        dsl.select(ESCALATION.KIND, ESCALATION.SUBJECT_LABEL, ESCALATION.REASON, ESCALATION.RAISED_AT, person.DISPLAY_NAME)
                .from(ESCALATION).join(person).on(person.ID.eq(ESCALATION.OWNER_ID))
                .join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(ESCALATION.DELETED_AT.isNull(), ESCALATION.RAISED_AT.ge(period.from()),
                        ESCALATION.RAISED_AT.lt(period.to()), people(scope, viewer))
                .orderBy(ESCALATION.RAISED_AT, ESCALATION.ID).limit(LIST_LIMIT)
                .forEach(r -> alerts.add(new Alert(AlertKind.ESCALATION, r.get(ESCALATION.SUBJECT_LABEL),
                        r.get(person.DISPLAY_NAME), r.get(ESCALATION.REASON), r.get(ESCALATION.RAISED_AT))));
        dsl.select(ORDER_FREEZE.CATEGORY, ORDER_FREEZE.REASON, ORDER_FREEZE.HELD_FROM, ORDER_FREEZE.HELD_UNTIL,
                        CUSTOMER.NAME, person.DISPLAY_NAME)
                .from(ORDER_FREEZE).join(CUSTOMER).on(CUSTOMER.ID.eq(ORDER_FREEZE.CUSTOMER_ID))
                .join(person).on(person.ID.eq(CUSTOMER.OWNER_ID))
                .join(unit).on(unit.ID.eq(person.ORG_UNIT_ID))
                .where(CUSTOMER.DELETED_AT.isNull(), ORDER_FREEZE.HELD_FROM.ge(period.from()),
                        ORDER_FREEZE.HELD_FROM.lt(period.to()), people(scope, viewer))
                .orderBy(ORDER_FREEZE.HELD_FROM, ORDER_FREEZE.ID).limit(LIST_LIMIT)
                .forEach(r -> alerts.add(new Alert(AlertKind.FREEZE, r.get(CUSTOMER.NAME) + " · " + r.get(ORDER_FREEZE.CATEGORY),
                        r.get(person.DISPLAY_NAME), r.get(ORDER_FREEZE.REASON), r.get(ORDER_FREEZE.HELD_FROM))));
        if (scope.isCompany() && viewer.role().seesEverything()) {
            dsl.select(SURGE_ALERT.REGION_KEY, SURGE_ALERT.RECENT_COUNT, SURGE_ALERT.BASELINE, SURGE_ALERT.RATIO,
                            SURGE_ALERT.CREATED_AT)
                    .from(SURGE_ALERT)
                    .where(SURGE_ALERT.CREATED_AT.ge(period.from()), SURGE_ALERT.CREATED_AT.lt(period.to()))
                    .orderBy(SURGE_ALERT.CREATED_AT, SURGE_ALERT.ID).limit(LIST_LIMIT)
                    .forEach(r -> alerts.add(new Alert(AlertKind.SURGE, r.get(SURGE_ALERT.REGION_KEY), null,
                            r.get(SURGE_ALERT.RECENT_COUNT) + " / " + r.get(SURGE_ALERT.BASELINE).stripTrailingZeros().toPlainString()
                                    + (r.get(SURGE_ALERT.RATIO) == null ? ""
                                    : " (×" + r.get(SURGE_ALERT.RATIO).stripTrailingZeros().toPlainString() + ")"),
                            r.get(SURGE_ALERT.CREATED_AT))));
        }
        alerts.sort((a, b) -> a.raisedAt().compareTo(b.raisedAt()));
        return alerts;
    }

    /** People under the scope's unit whom the viewer may see. */
    private Condition people(ReportScope scope, Actor viewer) {
        Condition c = Visibility.ownedBy(person.ID, viewer);
        return scope.isCompany() ? c : c.and(unit.PATH.startsWith(scope.path()));
    }

    /** Ids of the org units under (and including) {@code unitId}; used to check a scope exists. */
    public List<UUID> unitIds(String path) {
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(ORG_UNIT.PATH.startsWith(path)).fetch(ORG_UNIT.ID);
    }
}
