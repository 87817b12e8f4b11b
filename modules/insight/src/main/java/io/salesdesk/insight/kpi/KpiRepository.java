package io.salesdesk.insight.kpi;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.ACTIVITY_DAY;
import static io.salesdesk.db.jooq.Tables.ACTIVITY_MONTH;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CONTRACT_KPI_DAY;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_DAY;
import static io.salesdesk.db.jooq.Tables.LEAD_KPI_MONTH;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.ActivityDayRepository;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.BusinessDates;
import io.salesdesk.db.jooq.tables.AppUser;
import io.salesdesk.db.jooq.tables.OrgUnit;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The KPI aggregates, each one grouped query over the records of a period, restricted to the
 * owners the viewer may see ({@link Visibility}) and to rows not soft-deleted; and the records
 * behind each figure (drill-down). Days count in the organisation's zone (Asia/Shanghai,
 * {@link BusinessDates}). Activities, leads and signed contracts are summed from their roll-ups
 * (activity_day and _month, lead_kpi_day and _month, contract_kpi_day; kept by the repositories
 * that write the rows): a period's whole months from the monthly ones, its other days from the
 * daily ones ({@link MonthSpan}). The drill-downs read the records themselves.
 *
 * <p>Grouping: REP is the record's owner (app_user), TEAM the owner's org unit, REGION the org unit
 * above a team (大区), or the owner's own unit when it is not a team.
 */
public final class KpiRepository {

    /** Most records one drill-down returns. */
    public static final int DRILL_LIMIT = 10_000;
    static final List<String> SIGNED_STATUSES = ContractKpiDayRepository.SIGNED_STATUSES;

    private static final OrgUnit UNIT = ORG_UNIT.as("kpi_unit");
    private static final OrgUnit PARENT = ORG_UNIT.as("kpi_parent");
    private static final AppUser DRILL_OWNER = APP_USER.as("drill_owner");

    private final DSLContext dsl;
    private final Actor viewer;
    private final KpiGrouping grouping;
    private final Field<UUID> groupId;
    private final Field<String> groupName;

    private KpiRepository(Configuration configuration, Actor viewer, KpiGrouping grouping) {
        this.dsl = DSL.using(configuration);
        this.viewer = viewer;
        this.grouping = grouping;
        switch (grouping) {
            case REP -> {
                groupId = APP_USER.ID;
                groupName = APP_USER.DISPLAY_NAME;
            }
            case TEAM -> {
                groupId = UNIT.ID;
                groupName = UNIT.NAME;
            }
            case REGION -> {
                // Inlined: HSQLDB matches a grouped CASE to its select only when both read the same text.
                Condition underRegion = UNIT.KIND.eq(DSL.inline("TEAM")).and(PARENT.ID.isNotNull());
                groupId = DSL.when(underRegion, PARENT.ID).otherwise(UNIT.ID);
                groupName = DSL.when(underRegion, PARENT.NAME).otherwise(UNIT.NAME);
            }
            default -> {
                groupId = null;
                groupName = null;
            }
        }
    }

    /** A repository reading what {@code viewer} may see, grouped by {@code grouping}. */
    public static KpiRepository using(Configuration configuration, Actor viewer, KpiGrouping grouping) {
        return new KpiRepository(configuration, viewer, grouping);
    }

    // ------------------------------------------------------------------ aggregates

    /** A sum and a count of a group. */
    public record GroupSum(UUID groupId, String groupName, BigDecimal sum, long count) {
    }

    /** Totals of the activities of a group. */
    public record ActivityTotals(UUID groupId, String groupName, long paperworkMinutes, long timedMinutes,
                                 long timedActivities, long touches, long touchOwners) {
    }

    /** Key-role headcount on a period's first day and how many of them left in it. */
    public record Attrition(UUID groupId, String groupName, long headcount, long left) {
    }

    /** Leads created in a period, how many became won deals, and the days that took. */
    public record LeadTotals(UUID groupId, String groupName, long leads, long won, long wonDays) {
    }

    /** A group's signed contracts: amount and count, and their cycle (see {@link #contractTotals}). */
    public record ContractTotals(UUID groupId, String groupName, BigDecimal amount, long contracts, long cycleDays,
                                 long cycled, long excluded) {
    }

    /** A group's leads created in the period that waited {@code responseMinutes} (null: no response yet). */
    public record LeadBucket(UUID groupId, String groupName, Integer responseMinutes, long leads, long won,
                             long wonDays) {
    }

    /** Σ days submit → signed of a group's contracts, how many, and how many were signed before submitted. */
    public record CycleTotals(UUID groupId, String groupName, long days, long contracts, long excluded) {
    }

    /** How many leads of a group waited {@code minutes} for their first response. */
    public record ResponseBucket(UUID groupId, String groupName, int minutes, long count) {
    }

    /** Signed amount per group and month of contract.signed_on, by month then name (from contract_kpi_day). */
    public List<MonthlyAmount> signedByMonth(Period period) {
        Field<Integer> year = DSL.year(CONTRACT_KPI_DAY.DAY);
        Field<Integer> month = DSL.month(CONTRACT_KPI_DAY.DAY);
        Field<BigDecimal> amount = DSL.sum(CONTRACT_KPI_DAY.AMOUNT);
        Field<BigDecimal> contracts = DSL.sum(CONTRACT_KPI_DAY.CONTRACTS);
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(year, month, amount, contracts));
        List<Field<?>> by = new ArrayList<>(groupFields());
        by.addAll(List.of(year, month));
        return dsl.select(select).from(owned(CONTRACT_KPI_DAY, CONTRACT_KPI_DAY.OWNER_ID, false))
                .where(signedDaysIn(period)).groupBy(by).having(contracts.gt(BigDecimal.ZERO)).orderBy(year, month)
                .fetch(r -> new MonthlyAmount(id(r), name(r), YearMonth.of(r.get(year), r.get(month)),
                        money(r.get(amount)), (int) whole(r.get(contracts))));
    }

    /** Reps (app_user.role = REP, not deleted) employed at any time in the period, per group. */
    public List<GroupSum> repHeadcount(Period period) {
        Condition employed = APP_USER.ROLE.eq("REP").and(APP_USER.DELETED_AT.isNull())
                .and(APP_USER.JOINED_ON.isNull().or(APP_USER.JOINED_ON.le(period.to())))
                .and(leftOn().isNull().or(leftOn().ge(period.from())))
                .and(Visibility.ownedBy(APP_USER.ID, viewer));
        return groupSums(DSL.inline(BigDecimal.ZERO), DSL.count(), owned(APP_USER, APP_USER.ID, false), employed);
    }

    /**
     * The contracts signed in the period, from their per-day roll-up ({@code contract_kpi_day}):
     * Σ amount and count; Σ days submit → signed and count of those with a cycle; and how many
     * were left out of the cycle because they were signed before they were submitted (a data
     * error, not a cycle).
     */
    public List<ContractTotals> contractTotals(Period period) {
        Field<BigDecimal> amount = DSL.sum(CONTRACT_KPI_DAY.AMOUNT);
        Field<BigDecimal> contracts = DSL.sum(CONTRACT_KPI_DAY.CONTRACTS);
        Field<BigDecimal> cycleDays = DSL.sum(CONTRACT_KPI_DAY.CYCLE_DAYS);
        Field<BigDecimal> cycled = DSL.sum(CONTRACT_KPI_DAY.CYCLED);
        Field<BigDecimal> excluded = DSL.sum(CONTRACT_KPI_DAY.EXCLUDED);
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(amount, contracts, cycleDays, cycled, excluded));
        return dsl.select(select).from(owned(CONTRACT_KPI_DAY, CONTRACT_KPI_DAY.OWNER_ID, false))
                .where(signedDaysIn(period)).groupBy(groupFields().toArray(Field[]::new))
                .having(contracts.gt(BigDecimal.ZERO))
                .fetch(r -> new ContractTotals(id(r), name(r), money(r.get(amount)), whole(r.get(contracts)),
                        whole(r.get(cycleDays)), whole(r.get(cycled)), whole(r.get(excluded))));
    }

    /**
     * The leads created in the period, per group and response minutes (null: not answered yet),
     * from their per-day roll-up ({@code lead_kpi_day}): how many, how many became won deals, and
     * Σ days lead → won deal. The response percentiles and the conversion both come from these rows.
     */
    public List<LeadBucket> leadTotals(Period period) {
        Table<?> rows = leadRows(period);
        Field<UUID> owner = rows.field("owner_id", UUID.class);
        Field<Boolean> responded = rows.field("responded", Boolean.class);
        Field<Integer> minutes = rows.field("response_minutes", Integer.class);
        Field<BigDecimal> leads = DSL.sum(rows.field("leads", Integer.class));
        Field<BigDecimal> won = DSL.sum(rows.field("won", Integer.class));
        Field<BigDecimal> days = DSL.sum(rows.field("won_days", Long.class));
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(responded, minutes, leads, won, days));
        List<Field<?>> by = new ArrayList<>(groupFields());
        by.addAll(List.of(responded, minutes));
        return dsl.select(select).from(owned(rows, owner, true))
                .groupBy(by).having(leads.gt(BigDecimal.ZERO))
                .fetch(r -> new LeadBucket(id(r), name(r), r.get(responded) ? r.get(minutes) : null,
                        whole(r.get(leads)), whole(r.get(won)), whole(r.get(days))));
    }

    /** The period's lead roll-up rows the viewer may see: whole months from lead_kpi_month, the rest by day. */
    private Table<?> leadRows(Period period) {
        MonthSpan span = MonthSpan.of(period);
        return DSL.select(LEAD_KPI_MONTH.OWNER_ID.as("owner_id"), LEAD_KPI_MONTH.RESPONDED.as("responded"),
                        LEAD_KPI_MONTH.RESPONSE_MINUTES.as("response_minutes"), LEAD_KPI_MONTH.LEADS.as("leads"),
                        LEAD_KPI_MONTH.WON.as("won"), LEAD_KPI_MONTH.WON_DAYS.as("won_days"))
                .from(LEAD_KPI_MONTH)
                .where(span.months(LEAD_KPI_MONTH.MONTH_NO), Visibility.ownedBy(LEAD_KPI_MONTH.OWNER_ID, viewer))
                .unionAll(DSL.select(LEAD_KPI_DAY.OWNER_ID, LEAD_KPI_DAY.RESPONDED, LEAD_KPI_DAY.RESPONSE_MINUTES,
                                LEAD_KPI_DAY.LEADS, LEAD_KPI_DAY.WON, LEAD_KPI_DAY.WON_DAYS)
                        .from(LEAD_KPI_DAY)
                        .where(span.days(LEAD_KPI_DAY.DAY), Visibility.ownedBy(LEAD_KPI_DAY.OWNER_ID, viewer)))
                .asTable("lead_rows");
    }

    /**
     * Paperwork and timed minutes, and effective touches, of the live activities of live customers
     * in the period: from the per-day roll-up ({@code activity_day}, a few thousand rows a quarter)
     * when it can tell the touch threshold apart, else from the activities themselves.
     */
    public List<ActivityTotals> activityTotals(Period period, KpiSettings settings) {
        return settings.touchMinMinutes() <= ActivityDayRepository.SHORT_CAP ? activityDayTotals(period, settings)
                : activityRowTotals(period, settings);
    }

    private List<ActivityTotals> activityDayTotals(Period period, KpiSettings settings) {
        Table<?> rows = activityRows(period);
        Field<UUID> owner = rows.field("owner_id", UUID.class);
        Field<String> kind = rows.field("kind", String.class);
        Field<Integer> shortMinutes = rows.field("short_minutes", Integer.class);
        Field<Integer> n = rows.field("activities", Integer.class);
        Field<Long> rowMinutes = rows.field("minutes", Long.class);
        Condition timedRow = shortMinutes.ne(ActivityDayRepository.UNTIMED);
        Field<BigDecimal> paperwork = DSL.sum(DSL.when(kind.in(settings.paperworkKinds()), rowMinutes).otherwise(0L));
        Field<BigDecimal> timed = DSL.sum(rowMinutes);
        Field<BigDecimal> timedCount = DSL.sum(DSL.when(timedRow, n).otherwise(0));
        Condition touch = kind.in(settings.touchKinds()).and(shortMinutes.eq(ActivityDayRepository.UNTIMED)
                .or(shortMinutes.ge(settings.touchMinMinutes())));
        Field<BigDecimal> touches = DSL.sum(DSL.when(touch, n).otherwise(0));
        Field<Integer> owners = DSL.countDistinct(DSL.when(touch.and(n.gt(0)), owner));
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(paperwork, timed, timedCount, touches, owners));
        return dsl.select(select).from(owned(rows, owner, false))
                .groupBy(groupFields().toArray(Field[]::new))
                .fetch(r -> new ActivityTotals(id(r), name(r), whole(r.get(paperwork)), whole(r.get(timed)),
                        whole(r.get(timedCount)), whole(r.get(touches)), r.get(owners)));
    }

    /** The period's activity roll-up rows the viewer may see: whole months from activity_month, the rest by day. */
    private Table<?> activityRows(Period period) {
        MonthSpan span = MonthSpan.of(period);
        return DSL.select(ACTIVITY_MONTH.OWNER_ID.as("owner_id"), ACTIVITY_MONTH.KIND.as("kind"),
                        ACTIVITY_MONTH.SHORT_MINUTES.as("short_minutes"), ACTIVITY_MONTH.ACTIVITIES.as("activities"),
                        ACTIVITY_MONTH.MINUTES.as("minutes"))
                .from(ACTIVITY_MONTH)
                .where(span.months(ACTIVITY_MONTH.MONTH_NO), Visibility.ownedBy(ACTIVITY_MONTH.OWNER_ID, viewer))
                .unionAll(DSL.select(ACTIVITY_DAY.OWNER_ID, ACTIVITY_DAY.KIND, ACTIVITY_DAY.SHORT_MINUTES,
                                ACTIVITY_DAY.ACTIVITIES, ACTIVITY_DAY.MINUTES)
                        .from(ACTIVITY_DAY)
                        .where(span.days(ACTIVITY_DAY.DAY), Visibility.ownedBy(ACTIVITY_DAY.OWNER_ID, viewer)))
                .asTable("activity_rows");
    }

    /** {@link #activityTotals} over the activities themselves: a touch threshold the roll-up cannot tell. */
    private List<ActivityTotals> activityRowTotals(Period period, KpiSettings settings) {
        Field<BigDecimal> paperwork = DSL.sum(DSL.when(ACTIVITY.KIND.in(settings.paperworkKinds()),
                ACTIVITY.DURATION_MINUTES).otherwise(0));
        Field<BigDecimal> timed = DSL.sum(ACTIVITY.DURATION_MINUTES);
        Field<Integer> timedCount = DSL.count(ACTIVITY.DURATION_MINUTES);
        Condition touch = touch(settings);
        Field<BigDecimal> touches = DSL.sum(DSL.when(touch, 1).otherwise(0));
        Field<Integer> owners = DSL.countDistinct(DSL.when(touch, ACTIVITY.OWNER_ID));
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(paperwork, timed, timedCount, touches, owners));
        return dsl.select(select).from(owned(ACTIVITY, ACTIVITY.OWNER_ID, false))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                .where(activitiesIn(period))
                .groupBy(groupFields().toArray(Field[]::new))
                .fetch(r -> new ActivityTotals(id(r), name(r), whole(r.get(paperwork)), whole(r.get(timed)),
                        r.get(timedCount), whole(r.get(touches)), r.get(owners)));
    }

    /** Key-role headcount on the period's first day and leavers in it (app_user.left_on). */
    public List<Attrition> attrition(Period period, List<String> keyRoles) {
        Condition atStart = APP_USER.JOINED_ON.isNull().or(APP_USER.JOINED_ON.le(period.from()))
                .and(leftOn().isNull().or(leftOn().ge(period.from())));
        Condition leftIn = leftOn().between(period.from(), period.to());
        Field<BigDecimal> headcount = DSL.sum(DSL.when(atStart, 1).otherwise(0));
        Field<BigDecimal> left = DSL.sum(DSL.when(leftIn, 1).otherwise(0));
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.addAll(List.of(headcount, left));
        return dsl.select(select).from(owned(APP_USER, APP_USER.ID, false))
                .where(APP_USER.ROLE.in(keyRoles), APP_USER.DELETED_AT.isNull(),
                        Visibility.ownedBy(APP_USER.ID, viewer))
                .groupBy(groupFields().toArray(Field[]::new))
                .fetch(r -> new Attrition(id(r), name(r), whole(r.get(headcount)), whole(r.get(left))));
    }

    // ------------------------------------------------------------------ drill-down

    /** The contracts signed in the period, value = amount, biggest first. */
    public List<KpiRecord> signedContracts(Period period, UUID group) {
        return contracts(period, group, CONTRACT.AMOUNT, CONTRACT.AMOUNT.desc(), DSL.noCondition());
    }

    /** The contracts signed in the period, value = days submit → signed, longest first. */
    public List<KpiRecord> cycleContracts(Period period, UUID group) {
        Field<BigDecimal> days = cycleDays().cast(SQLDataType.DECIMAL(18, 2));
        return contracts(period, group, days, days.desc(), cycleDays().ge(0));
    }

    /** The leads created in the period that got a response, value = minutes, slowest first. */
    public List<KpiRecord> respondedLeads(Period period, UUID group) {
        return leads(period, group, LEAD.RESPONSE_MINUTES.cast(SQLDataType.DECIMAL(18, 2)),
                LEAD.RESPONSE_MINUTES.isNotNull(), LEAD.STATUS);
    }

    /** Every lead created in the period, value 1 when its deal was won else 0. */
    public List<KpiRecord> createdLeads(Period period, UUID group) {
        return leads(period, group, DSL.when(wonDeal(), BigDecimal.ONE).otherwise(BigDecimal.ZERO), DSL.noCondition(),
                LEAD.STATUS);
    }

    /**
     * The won deals of the leads created in the period, one row per lead (a deal two leads led to
     * counts twice, as in the figure), value = days lead → won, detail = the lead; longest first.
     */
    public List<KpiRecord> wonDeals(Period period, UUID group) {
        Field<LocalDate> wonOn = businessDate(OPPORTUNITY.CLOSED_AT);
        Field<BigDecimal> days = leadCycleDays().cast(SQLDataType.DECIMAL(18, 2));
        return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.CUSTOMER_ID, OPPORTUNITY.NAME, DRILL_OWNER.DISPLAY_NAME, wonOn,
                        days, LEAD.NAME)
                .from(owned(leadsWithDeals(), LEAD.OWNER_ID, true))
                .leftJoin(DRILL_OWNER).on(DRILL_OWNER.ID.eq(LEAD.OWNER_ID))
                .where(leadsCreatedIn(period), wonDeal(), inGroup(group))
                .orderBy(days.desc(), OPPORTUNITY.CLOSED_AT, LEAD.ID).limit(DRILL_LIMIT)
                .fetch(r -> new KpiRecord(KpiRecord.Source.OPPORTUNITY, r.get(OPPORTUNITY.ID),
                        r.get(OPPORTUNITY.CUSTOMER_ID), r.get(OPPORTUNITY.NAME), r.get(DRILL_OWNER.DISPLAY_NAME),
                        r.get(wonOn), r.get(days), r.get(LEAD.NAME)));
    }

    /** The paperwork activities of the period, value = minutes. */
    public List<KpiRecord> paperwork(Period period, UUID group, KpiSettings settings) {
        return activities(period, group, ACTIVITY.DURATION_MINUTES.cast(SQLDataType.DECIMAL(18, 2)),
                ACTIVITY.KIND.in(settings.paperworkKinds()).and(ACTIVITY.DURATION_MINUTES.isNotNull()));
    }

    /** The effective touches of the period, value 1 each. */
    public List<KpiRecord> touches(Period period, UUID group, KpiSettings settings) {
        return activities(period, group, DSL.inline(BigDecimal.ONE), touch(settings));
    }

    /** The key-role people who left in the period, value 1 each. */
    public List<KpiRecord> leavers(Period period, UUID group, List<String> keyRoles) {
        Field<LocalDate> left = leftOn();
        return dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.ROLE, left)
                .from(owned(APP_USER, APP_USER.ID, false))
                .where(APP_USER.ROLE.in(keyRoles), APP_USER.DELETED_AT.isNull(), Visibility.ownedBy(APP_USER.ID, viewer),
                        left.between(period.from(), period.to()), inGroup(group))
                .orderBy(left, APP_USER.DISPLAY_NAME).limit(DRILL_LIMIT)
                .fetch(r -> new KpiRecord(KpiRecord.Source.USER, r.get(APP_USER.ID), null, r.get(APP_USER.DISPLAY_NAME),
                        r.get(APP_USER.DISPLAY_NAME), r.get(left), BigDecimal.ONE, r.get(APP_USER.ROLE)));
    }

    private List<KpiRecord> contracts(Period period, UUID group, Field<BigDecimal> value,
                                      org.jooq.SortField<?> order, Condition which) {
        return dsl.select(CONTRACT.ID, CONTRACT.CUSTOMER_ID, CONTRACT.CONTRACT_NO, CONTRACT.TITLE,
                        DRILL_OWNER.DISPLAY_NAME, CONTRACT.SIGNED_ON, value, CONTRACT.STATUS)
                .from(owned(CONTRACT, CONTRACT.OWNER_ID, false))
                .join(DRILL_OWNER).on(DRILL_OWNER.ID.eq(CONTRACT.OWNER_ID))
                .where(signedIn(period), which, inGroup(group))
                .orderBy(order, CONTRACT.CONTRACT_NO).limit(DRILL_LIMIT)
                .fetch(r -> new KpiRecord(KpiRecord.Source.CONTRACT, r.get(CONTRACT.ID), r.get(CONTRACT.CUSTOMER_ID),
                        r.get(CONTRACT.CONTRACT_NO) + " " + r.get(CONTRACT.TITLE), r.get(DRILL_OWNER.DISPLAY_NAME),
                        r.get(CONTRACT.SIGNED_ON), r.get(value), r.get(CONTRACT.STATUS)));
    }

    private List<KpiRecord> leads(Period period, UUID group, Field<BigDecimal> value, Condition which,
                                  Field<String> detail) {
        Field<LocalDate> day = businessDate(LEAD.CREATED_AT);
        return dsl.select(LEAD.ID, LEAD.CUSTOMER_ID, LEAD.NAME, DRILL_OWNER.DISPLAY_NAME, day, value, detail)
                .from(owned(leadsWithDeals(), LEAD.OWNER_ID, true))
                .leftJoin(DRILL_OWNER).on(DRILL_OWNER.ID.eq(LEAD.OWNER_ID))
                .where(leadsCreatedIn(period), which, inGroup(group))
                .orderBy(value.desc(), LEAD.CREATED_AT, LEAD.ID).limit(DRILL_LIMIT)
                .fetch(r -> new KpiRecord(KpiRecord.Source.LEAD, r.get(LEAD.ID), r.get(LEAD.CUSTOMER_ID),
                        r.get(LEAD.NAME), r.get(DRILL_OWNER.DISPLAY_NAME), r.get(day), r.get(value), r.get(detail)));
    }

    private List<KpiRecord> activities(Period period, UUID group, Field<BigDecimal> value, Condition which) {
        Field<LocalDate> day = businessDate(ACTIVITY.OCCURRED_AT);
        return dsl.select(ACTIVITY.ID, ACTIVITY.CUSTOMER_ID, CUSTOMER.NAME, DRILL_OWNER.DISPLAY_NAME, day, value,
                        ACTIVITY.KIND)
                .from(owned(ACTIVITY, ACTIVITY.OWNER_ID, false))
                .join(DRILL_OWNER).on(DRILL_OWNER.ID.eq(ACTIVITY.OWNER_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(ACTIVITY.CUSTOMER_ID))
                .where(activitiesIn(period), which, inGroup(group))
                .orderBy(ACTIVITY.OCCURRED_AT.desc(), ACTIVITY.ID).limit(DRILL_LIMIT)
                .fetch(r -> new KpiRecord(KpiRecord.Source.ACTIVITY, r.get(ACTIVITY.ID), r.get(ACTIVITY.CUSTOMER_ID),
                        r.get(CUSTOMER.NAME), r.get(DRILL_OWNER.DISPLAY_NAME), r.get(day), r.get(value),
                        r.get(ACTIVITY.KIND)));
    }

    // ------------------------------------------------------------------ conditions and fields

    private Condition signedIn(Period period) {
        return CONTRACT.DELETED_AT.isNull().and(CONTRACT.STATUS.in(SIGNED_STATUSES))
                .and(CONTRACT.SIGNED_ON.between(period.from(), period.to()))
                .and(Visibility.ownedBy(CONTRACT.OWNER_ID, viewer));
    }

    /** The roll-up days of the contracts signed in the period that the viewer may see. */
    private Condition signedDaysIn(Period period) {
        return CONTRACT_KPI_DAY.DAY.between(period.from(), period.to())
                .and(Visibility.ownedBy(CONTRACT_KPI_DAY.OWNER_ID, viewer));
    }

    private Condition leadsCreatedIn(Period period) {
        return LEAD.DELETED_AT.isNull().and(LEAD.CREATED_AT.ge(period.start())).and(LEAD.CREATED_AT.lt(period.end()))
                .and(Visibility.ownedBy(LEAD.OWNER_ID, viewer));
    }

    /** Live activities of the period; the query joins CUSTOMER, whose deleted rows' activities do not count. */
    private Condition activitiesIn(Period period) {
        return ACTIVITY.DELETED_AT.isNull().and(CUSTOMER.DELETED_AT.isNull()).and(ACTIVITY.OCCURRED_AT.ge(period.start()))
                .and(ACTIVITY.OCCURRED_AT.lt(period.end())).and(Visibility.ownedBy(ACTIVITY.OWNER_ID, viewer));
    }

    private static Condition touch(KpiSettings settings) {
        return ACTIVITY.KIND.in(settings.touchKinds()).and(ACTIVITY.DURATION_MINUTES.isNull()
                .or(ACTIVITY.DURATION_MINUTES.ge(settings.touchMinMinutes())));
    }

    /** A lead with its deal (when not deleted) and the deal's stage. */
    private static Table<?> leadsWithDeals() {
        return LEAD.leftJoin(OPPORTUNITY).on(OPPORTUNITY.ID.eq(LEAD.OPPORTUNITY_ID), OPPORTUNITY.DELETED_AT.isNull())
                .leftJoin(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE));
    }

    private static Condition wonDeal() {
        return OPPORTUNITY_STAGE.OUTCOME.eq("WON").and(OPPORTUNITY.CLOSED_AT.isNotNull());
    }

    private Field<Integer> leadCycleDays() {
        return DSL.localDateDiff(businessDate(OPPORTUNITY.CLOSED_AT), businessDate(LEAD.CREATED_AT));
    }

    /**
     * Days from submission to signing: the contract's first approval request (approval_request of
     * entity 'contract'), or its creation when it never went through a flow, to contract.signed_on.
     */
    private Field<Integer> cycleDays() {
        Field<OffsetDateTime> submitted = DSL.field(DSL.select(DSL.min(APPROVAL_REQUEST.SUBMITTED_AT))
                .from(APPROVAL_REQUEST)
                .where(APPROVAL_REQUEST.ENTITY.eq("contract"), APPROVAL_REQUEST.RECORD_ID.eq(CONTRACT.ID)));
        return DSL.localDateDiff(CONTRACT.SIGNED_ON, businessDate(DSL.coalesce(submitted, CONTRACT.CREATED_AT)));
    }

    /** When a user left: app_user.left_on, or the day an inactive user without one was last updated. */
    private Field<LocalDate> leftOn() {
        return DSL.coalesce(APP_USER.LEFT_ON,
                DSL.when(APP_USER.ACTIVE.isFalse(), businessDate(APP_USER.UPDATED_AT)));
    }

    /** The business date (Asia/Shanghai) of a stored instant, as every day-counting query cuts it. */
    private static Field<LocalDate> businessDate(Field<OffsetDateTime> instant) {
        return BusinessDates.of(instant);
    }

    // ------------------------------------------------------------------ grouping

    /** {@code base} joined to what the grouping needs: the owner, their unit and its parent. */
    private Table<?> owned(Table<?> base, Field<UUID> owner, boolean outer) {
        if (grouping == KpiGrouping.ALL) {
            return base;
        }
        Table<?> t = base;
        if (base != APP_USER) {
            t = outer ? t.leftJoin(APP_USER).on(APP_USER.ID.eq(owner)) : t.join(APP_USER).on(APP_USER.ID.eq(owner));
        }
        if (grouping == KpiGrouping.REP) {
            return t;
        }
        t = t.leftJoin(UNIT).on(UNIT.ID.eq(APP_USER.ORG_UNIT_ID));
        return grouping == KpiGrouping.TEAM ? t : t.leftJoin(PARENT).on(PARENT.ID.eq(UNIT.PARENT_ID));
    }

    private Condition inGroup(UUID group) {
        if (grouping == KpiGrouping.ALL) {
            return DSL.noCondition();
        }
        return group == null ? groupId.isNull() : groupId.eq(group);
    }

    private List<Field<?>> groupFields() {
        return grouping == KpiGrouping.ALL ? List.of() : List.of(groupId, groupName);
    }

    private int offset() {
        return groupFields().size();
    }

    private UUID id(Record r) {
        return groupId == null ? null : r.get(groupId);
    }

    private String name(Record r) {
        return groupName == null ? null : r.get(groupName);
    }

    private List<GroupSum> groupSums(Field<BigDecimal> sum, Field<Integer> count, Table<?> from, Condition where) {
        List<Field<?>> select = new ArrayList<>(groupFields());
        select.add(sum);
        select.add(count);
        return dsl.select(select).from(from).where(where).groupBy(groupFields().toArray(Field[]::new))
                .fetch(r -> new GroupSum(id(r), name(r), money(r.get(offset(), BigDecimal.class)),
                        r.get(offset() + 1, Integer.class)));
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static long whole(BigDecimal v) {
        return v == null ? 0 : v.longValueExact();
    }
}
