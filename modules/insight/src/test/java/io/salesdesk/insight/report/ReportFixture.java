package io.salesdesk.insight.report;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW;
import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW_VERSION;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APPROVAL_STEP;
import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.ESCALATION;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.ORDER_FREEZE;
import static io.salesdesk.db.jooq.Tables.SURGE_ALERT;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A hand-counted day for the daily report: Thursday 2026-11-26 in the Shanghai zone, on the sales
 * org of {@link SalesOrgFixture} (浙江大区: 王一, 李二; 江苏大区: 张三). What each section must show
 * is written beside the rows that make it, and rows just outside the window or deleted are there to
 * be left out.
 */
final class ReportFixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    /** Friday 10:00 in Shanghai: the morning after. */
    static final Instant NOW = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    final Database db;
    final TestClock clock = new TestClock(NOW);
    final SalesOrgFixture org;
    UUID hospital;
    UUID clinic;
    UUID suzhouLab;

    ReportFixture(Database db) {
        this.db = db;
        this.org = new SalesOrgFixture(db, clock);
    }

    /** Local time on a day in Shanghai, as stored (UTC). */
    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BusinessTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    ReportFixture build() {
        hospital = org.customer(org.wang, "杭州第一医院", Tier.A, SalesOrgFixture.HANGZHOU, null);
        clinic = org.customer(org.wang, "西湖诊所", Tier.C, SalesOrgFixture.XIHU, null);
        suzhouLab = org.customer(org.zhang, "苏州检验所", Tier.B, SalesOrgFixture.SUZHOU, null);
        activities();
        leads();
        stageMoves();
        approvals();
        collections();
        alerts();
        return this;
    }

    /** 王一: 1 call + 1 visit at 杭州第一医院, 1 note at 西湖诊所 → 3 follow-ups, 1 effective touch. 张三: 1 meeting → 1, 1. 李二: none. */
    private void activities() {
        UUID deleted = Ids.newId(clock);
        db.transaction(cfg -> {
            ActivityRepository.using(cfg, clock).insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), List.of(
                    activity(hospital, org.wang, ActivityKind.CALL, at(DAY, 0, 30)),
                    activity(hospital, org.wang, ActivityKind.VISIT, at(DAY, 14, 0)),
                    activity(clinic, org.wang, ActivityKind.NOTE, at(DAY, 15, 0)),
                    // the evening before, Shanghai time: outside
                    activity(clinic, org.wang, ActivityKind.CALL, at(DAY.minusDays(1), 23, 50)),
                    new ActivityRepository.NewActivity(deleted, clinic, org.wang.id(),
                            draft(ActivityKind.DEMO, at(DAY, 10, 0))),
                    activity(suzhouLab, org.zhang, ActivityKind.MEETING, at(DAY, 11, 0))));
            DSL.using(cfg).update(ACTIVITY).set(ACTIVITY.DELETED_AT, at(DAY, 18, 0)).where(ACTIVITY.ID.eq(deleted)).execute();
        });
    }

    private ActivityRepository.NewActivity activity(UUID customer, User by, ActivityKind kind, OffsetDateTime at) {
        return new ActivityRepository.NewActivity(Ids.newId(clock), customer, by.id(), draft(kind, at));
    }

    private static ActivityDraft draft(ActivityKind kind, OffsetDateTime at) {
        return new ActivityDraft(kind, at, null, 30, "记录", null, null, null);
    }

    /** Company: 3 leads (王一 answered in 20 min, 李二 not yet, one unassigned); 浙江大区: 2. */
    private void leads() {
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            lead(dsl, "线索甲", org.wang.id(), at(DAY, 10, 0), 20, null);
            lead(dsl, "线索乙", org.li.id(), at(DAY, 11, 0), null, null);
            lead(dsl, "线索丙", null, at(DAY, 12, 0), null, null);
            lead(dsl, "昨天之前的线索", org.wang.id(), at(DAY.minusDays(1), 12, 0), 5, null);
            lead(dsl, "删除的线索", org.wang.id(), at(DAY, 12, 0), 5, at(DAY, 13, 0));
        });
    }

    private void lead(DSLContext dsl, String name, UUID owner, OffsetDateTime created, Integer minutes,
                      OffsetDateTime deleted) {
        dsl.insertInto(LEAD).set(LEAD.ID, Ids.newId(clock)).set(LEAD.NAME, name).set(LEAD.SOURCE, "官网")
                .set(LEAD.STATUS, owner == null ? "NEW" : "ASSIGNED").set(LEAD.OWNER_ID, owner)
                .set(LEAD.RESPONSE_MINUTES, minutes).set(LEAD.BOARD_RANK, "m").set(LEAD.VERSION, 1L)
                .set(LEAD.CREATED_AT, created).set(LEAD.UPDATED_AT, created).set(LEAD.DELETED_AT, deleted).execute();
    }

    /** 王一's deal moves 初步接洽 → 需求确认 on the day; another deal moved the day before. */
    private void stageMoves() {
        Opportunity deal = withClockAt(at(DAY.minusDays(3), 9, 0), c -> new OpportunityService(db, c)
                .create(org.wang.asActor(), new OpportunityDraft(hospital, "监护仪采购", org.wang.id(), "INITIAL",
                        new BigDecimal("120000.00"), null, null, null, null)));
        withClockAt(at(DAY, 16, 0), c -> new OpportunityService(db, c)
                .move(org.wang.asActor(), deal.id(), deal.version(), "NEEDS", null, null, null));
        Opportunity other = withClockAt(at(DAY.minusDays(3), 9, 0), c -> new OpportunityService(db, c)
                .create(org.zhang.asActor(), new OpportunityDraft(suzhouLab, "试剂", org.zhang.id(), "INITIAL",
                        null, null, null, null, null)));
        withClockAt(at(DAY.minusDays(1), 16, 0), c -> new OpportunityService(db, c)
                .move(org.zhang.asActor(), other.id(), other.version(), "NEEDS", null, null, null));
    }

    private static <T> T withClockAt(OffsetDateTime at, java.util.function.Function<Clock, T> work) {
        return work.apply(Clock.fixed(at.toInstant(), ZoneOffset.UTC));
    }

    /** 王一's request submitted two days before at 10:00, step 财务审批 overdue since noon: 62 h waiting. */
    private void approvals() {
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UUID flow = Ids.newId(clock);
            OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
            dsl.insertInto(APPROVAL_FLOW).set(APPROVAL_FLOW.ID, flow).set(APPROVAL_FLOW.ENTITY, "contract")
                    .set(APPROVAL_FLOW.TRIGGER_ACTION, "submit").set(APPROVAL_FLOW.NAME, "合同审批")
                    .set(APPROVAL_FLOW.CURRENT_VERSION, 1).set(APPROVAL_FLOW.ACTIVE, true).set(APPROVAL_FLOW.VERSION, 1L)
                    .set(APPROVAL_FLOW.CREATED_AT, now).set(APPROVAL_FLOW.UPDATED_AT, now).execute();
            dsl.insertInto(APPROVAL_FLOW_VERSION).set(APPROVAL_FLOW_VERSION.FLOW_ID, flow)
                    .set(APPROVAL_FLOW_VERSION.VERSION_NO, 1).set(APPROVAL_FLOW_VERSION.DEFINITION_JSON, "{}")
                    .set(APPROVAL_FLOW_VERSION.CREATED_AT, now).execute();
            request(dsl, flow, "合同：杭州第一医院 监护仪", org.wang.id(), at(DAY.minusDays(2), 10, 0), null, at(DAY, 12, 0));
            request(dsl, flow, "已批准的合同", org.wang.id(), at(DAY.minusDays(2), 10, 0), at(DAY, 9, 0), null);
        });
    }

    private void request(DSLContext dsl, UUID flow, String title, UUID submitter, OffsetDateTime submitted,
                         OffsetDateTime decided, OffsetDateTime due) {
        UUID id = Ids.newId(clock);
        dsl.insertInto(APPROVAL_REQUEST).set(APPROVAL_REQUEST.ID, id).set(APPROVAL_REQUEST.FLOW_ID, flow)
                .set(APPROVAL_REQUEST.FLOW_VERSION, 1).set(APPROVAL_REQUEST.ENTITY, "contract")
                .set(APPROVAL_REQUEST.TRIGGER_ACTION, "submit").set(APPROVAL_REQUEST.RECORD_ID, Ids.newId(clock))
                .set(APPROVAL_REQUEST.TITLE, title).set(APPROVAL_REQUEST.SUBMITTER_ID, submitter)
                .set(APPROVAL_REQUEST.STATUS, decided == null ? "PENDING" : "APPROVED")
                .set(APPROVAL_REQUEST.FIELDS_JSON, "{}").set(APPROVAL_REQUEST.ROUTE_JSON, "{}")
                .set(APPROVAL_REQUEST.SUBMITTED_AT, submitted).set(APPROVAL_REQUEST.DECIDED_AT, decided)
                .set(APPROVAL_REQUEST.VERSION, 1L).execute();
        dsl.insertInto(APPROVAL_STEP).set(APPROVAL_STEP.REQUEST_ID, id).set(APPROVAL_STEP.STEP_KEY, "finance")
                .set(APPROVAL_STEP.NAME, "财务审批").set(APPROVAL_STEP.MODE, "ALL")
                .set(APPROVAL_STEP.STATUS, decided == null ? "ACTIVE" : "APPROVED").set(APPROVAL_STEP.ROUND_NO, 1)
                .set(APPROVAL_STEP.DUE_AT, due).set(APPROVAL_STEP.VERSION, 1L).execute();
    }

    /**
     * One signed contract of 王一's: 600.00 outstanding 10 days overdue, 500.00 due in 3 days;
     * one due in 30 days and one paid in full are left out.
     */
    private void collections() {
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UUID contract = Ids.newId(clock);
            OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
            dsl.insertInto(CONTRACT).set(CONTRACT.ID, contract).set(CONTRACT.CONTRACT_NO, "HT-2026-001")
                    .set(CONTRACT.TITLE, "监护仪").set(CONTRACT.CUSTOMER_ID, hospital).set(CONTRACT.OWNER_ID, org.wang.id())
                    .set(CONTRACT.OUR_PARTY, "我方").set(CONTRACT.THEIR_PARTY, "杭州第一医院")
                    .set(CONTRACT.AMOUNT, new BigDecimal("3000.00")).set(CONTRACT.STATUS, "SIGNED")
                    .set(CONTRACT.VERSION, 1L).set(CONTRACT.CREATED_AT, now).set(CONTRACT.UPDATED_AT, now).execute();
            item(dsl, contract, 1, DAY.minusDays(10), "1000.00", "400.00");
            item(dsl, contract, 2, DAY.plusDays(3), "500.00", "0.00");
            item(dsl, contract, 3, DAY.plusDays(30), "500.00", "0.00");
            item(dsl, contract, 4, DAY.minusDays(5), "1000.00", "1000.00");
        });
    }

    private void item(DSLContext dsl, UUID contract, int seq, LocalDate due, String amount, String collected) {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        dsl.insertInto(COLLECTION_ITEM).set(COLLECTION_ITEM.ID, Ids.newId(clock)).set(COLLECTION_ITEM.CONTRACT_ID, contract)
                .set(COLLECTION_ITEM.CUSTOMER_ID, hospital).set(COLLECTION_ITEM.OWNER_ID, org.wang.id())
                .set(COLLECTION_ITEM.CONTRACT_STATUS, "SIGNED").set(COLLECTION_ITEM.SEQ, seq)
                .set(COLLECTION_ITEM.MILESTONE, "DELIVERY").set(COLLECTION_ITEM.AMOUNT, new BigDecimal(amount))
                .set(COLLECTION_ITEM.DUE_ON, due).set(COLLECTION_ITEM.INVOICED, BigDecimal.ZERO)
                .set(COLLECTION_ITEM.COLLECTED, new BigDecimal(collected)).set(COLLECTION_ITEM.VERSION, 1L)
                .set(COLLECTION_ITEM.CREATED_AT, now).set(COLLECTION_ITEM.UPDATED_AT, now).execute();
    }

    /** An escalation on 李二, a freeze on 张三's customer, a surge (company report only). */
    private void alerts() {
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
            dsl.insertInto(ESCALATION).set(ESCALATION.ID, Ids.newId(clock)).set(ESCALATION.KIND, "sla.followUpA")
                    .set(ESCALATION.SUBJECT_ENTITY, "customer").set(ESCALATION.SUBJECT_ID, hospital)
                    .set(ESCALATION.SUBJECT_LABEL, "杭州第一医院").set(ESCALATION.OWNER_ID, org.li.id())
                    .set(ESCALATION.REASON, "A 类客户 3 天未跟进").set(ESCALATION.STATUS, "OPEN")
                    .set(ESCALATION.RAISED_AT, at(DAY, 10, 0)).set(ESCALATION.BOARD_RANK, "m")
                    .set(ESCALATION.VERSION, 1L).set(ESCALATION.CREATED_AT, now).set(ESCALATION.UPDATED_AT, now).execute();
            dsl.insertInto(ORDER_FREEZE).set(ORDER_FREEZE.ID, Ids.newId(clock)).set(ORDER_FREEZE.CUSTOMER_ID, suzhouLab)
                    .set(ORDER_FREEZE.CATEGORY, "监护仪").set(ORDER_FREEZE.REASON, "库存不足")
                    .set(ORDER_FREEZE.HELD_FROM, at(DAY, 13, 0)).set(ORDER_FREEZE.HELD_UNTIL, at(DAY.plusDays(3), 13, 0))
                    .execute();
            dsl.insertInto(SURGE_ALERT).set(SURGE_ALERT.ID, Ids.newId(clock)).set(SURGE_ALERT.REGION_KEY, "330100")
                    .set(SURGE_ALERT.WINDOW_MODE, "DAY").set(SURGE_ALERT.WINDOW_START, at(DAY.minusDays(1), 9, 0))
                    .set(SURGE_ALERT.WINDOW_END, at(DAY, 9, 0)).set(SURGE_ALERT.RECENT_COUNT, 12)
                    .set(SURGE_ALERT.BASELINE, new BigDecimal("3.00")).set(SURGE_ALERT.RATIO, new BigDecimal("4.00"))
                    .set(SURGE_ALERT.SUGGESTION, "{}").set(SURGE_ALERT.STATUS, "OPEN").set(SURGE_ALERT.VERSION, 1L)
                    .set(SURGE_ALERT.CREATED_AT, at(DAY, 9, 0)).set(SURGE_ALERT.UPDATED_AT, at(DAY, 9, 0)).execute();
        });
    }
}
