package io.salesdesk.insight.kpi;

import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW;
import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW_VERSION;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CALENDAR_DAY;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.COST_ENTRY;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.CustomerFirstWonRepository;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.impl.DSL;

/**
 * A small, hand-countable quarter (Q2 2026, one holiday on 1 May) on the test sales org (浙江大区:
 * 王一, 李二; 江苏大区: 张三), whose every KPI is worked out by hand in {@link KpiServiceTest}.
 */
final class KpiFixture {

    private static final ChangeReason FIXTURE = ChangeReason.of(ChangeReason.Kind.SYSTEM, "KPI fixture");

    final SalesOrgFixture org;
    final Database db;
    final Clock clock;
    final UUID wangCustomer;
    final UUID liCustomer;
    final UUID zhangCustomer;
    UUID c1;
    UUID c2;
    UUID c3;
    UUID wonDeal;

    KpiFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.org = new SalesOrgFixture(db, clock);
        wangCustomer = org.customer(org.wang, "杭州一院", Tier.A, SalesOrgFixture.HANGZHOU, null);
        liCustomer = org.customer(org.li, "西湖医院", Tier.B, SalesOrgFixture.XIHU, null);
        zhangCustomer = org.customer(org.zhang, "苏州二院", Tier.B, SalesOrgFixture.SUZHOU, null);
        contracts();
        leads();
        activities();
        people();
        costs();
        db.transaction(cfg -> DSL.using(cfg).insertInto(CALENDAR_DAY).set(CALENDAR_DAY.DAY, LocalDate.of(2026, 5, 1))
                .set(CALENDAR_DAY.KIND, "HOLIDAY").set(CALENDAR_DAY.NAME, "劳动节").execute());
    }

    static OffsetDateTime utc(String text) {
        return OffsetDateTime.parse(text + "Z").withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void contracts() {
        // Q2: 9 days (no approval: from creation), 5 days (approval submitted 15 May 02:00 Shanghai), 2 days.
        c1 = contract(org.wang, wangCustomer, "HT-1", "100000.00", "SIGNED", "2026-04-10", "2026-04-01T02:00:00", null);
        c2 = contract(org.wang, wangCustomer, "HT-2", "50000.00", "EXECUTING", "2026-05-20", "2026-05-01T02:00:00",
                "2026-05-14T18:00:00");
        c3 = contract(org.li, liCustomer, "HT-3", "30000.00", "CLOSED", "2026-06-30", "2026-06-28T00:00:00", null);
        // Q1: 10 days.
        contract(org.zhang, zhangCustomer, "HT-4", "40000.00", "SIGNED", "2026-03-31", "2026-03-21T01:00:00", null);
        // Left out: deleted, and one still in approval.
        UUID deleted = contract(org.li, liCustomer, "HT-5", "999.00", "SIGNED", "2026-05-01", "2026-04-20T01:00:00", null);
        db.transaction(cfg -> {
            DSL.using(cfg).update(CONTRACT).set(CONTRACT.DELETED_AT, utc("2026-05-02T00:00:00"))
                    .where(CONTRACT.ID.eq(deleted)).execute();
            rollUp(cfg);
        });
        contract(org.zhang, zhangCustomer, "HT-6", "88000.00", "IN_APPROVAL", null, "2026-05-03T01:00:00", null);
    }

    UUID contract(User owner, UUID customer, String no, String amount, String status, String signedOn,
                          String createdAt, String submittedAt) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> {
            var dsl = DSL.using(cfg);
            dsl.insertInto(CONTRACT).set(CONTRACT.ID, id).set(CONTRACT.CONTRACT_NO, no).set(CONTRACT.TITLE, "设备采购")
                    .set(CONTRACT.CUSTOMER_ID, customer).set(CONTRACT.OWNER_ID, owner.id())
                    .set(CONTRACT.OUR_PARTY, "我方").set(CONTRACT.THEIR_PARTY, "对方")
                    .set(CONTRACT.AMOUNT, new BigDecimal(amount)).set(CONTRACT.STATUS, status)
                    .set(CONTRACT.SIGNED_ON, signedOn == null ? null : LocalDate.parse(signedOn))
                    .set(CONTRACT.VERSION, 1L).set(CONTRACT.CREATED_AT, utc(createdAt))
                    .set(CONTRACT.UPDATED_AT, utc(createdAt)).execute();
            if (submittedAt != null) {
                UUID flow = Ids.newId(clock);
                dsl.insertInto(APPROVAL_FLOW).set(APPROVAL_FLOW.ID, flow).set(APPROVAL_FLOW.ENTITY, "contract")
                        .set(APPROVAL_FLOW.TRIGGER_ACTION, "submit").set(APPROVAL_FLOW.NAME, "合同审批")
                        .set(APPROVAL_FLOW.CURRENT_VERSION, 1).set(APPROVAL_FLOW.ACTIVE, true)
                        .set(APPROVAL_FLOW.VERSION, 1L).set(APPROVAL_FLOW.CREATED_AT, utc(createdAt))
                        .set(APPROVAL_FLOW.UPDATED_AT, utc(createdAt)).execute();
                dsl.insertInto(APPROVAL_FLOW_VERSION).set(APPROVAL_FLOW_VERSION.FLOW_ID, flow)
                        .set(APPROVAL_FLOW_VERSION.VERSION_NO, 1).set(APPROVAL_FLOW_VERSION.DEFINITION_JSON, "{}")
                        .set(APPROVAL_FLOW_VERSION.CREATED_AT, utc(createdAt)).execute();
                dsl.insertInto(APPROVAL_REQUEST).set(APPROVAL_REQUEST.ID, Ids.newId(clock))
                        .set(APPROVAL_REQUEST.FLOW_ID, flow).set(APPROVAL_REQUEST.FLOW_VERSION, 1)
                        .set(APPROVAL_REQUEST.ENTITY, "contract").set(APPROVAL_REQUEST.TRIGGER_ACTION, "submit")
                        .set(APPROVAL_REQUEST.RECORD_ID, id).set(APPROVAL_REQUEST.TITLE, no)
                        .set(APPROVAL_REQUEST.SUBMITTER_ID, owner.id()).set(APPROVAL_REQUEST.STATUS, "APPROVED")
                        .set(APPROVAL_REQUEST.FIELDS_JSON, "{}").set(APPROVAL_REQUEST.ROUTE_JSON, "[]")
                        .set(APPROVAL_REQUEST.SUBMITTED_AT, utc(submittedAt)).set(APPROVAL_REQUEST.VERSION, 1L)
                        .execute();
            }
            rollUp(cfg);
        });
        return id;
    }

    private void leads() {
        // Responded in Q2: 王一 10, 30, 50; 李二 20, 200; 张三 5. Median 20, p90 200.
        lead(org.wang, "2026-04-05T01:00:00", 10, null);
        lead(org.wang, "2026-04-06T01:00:00", 30, null);
        wonDeal = opportunity(org.wang, wangCustomer, "WON", "2026-04-25T04:00:00");
        lead(org.wang, "2026-04-05T01:00:00", 50, wonDeal);
        lead(org.wang, "2026-04-07T01:00:00", null, null);
        lead(org.li, "2026-05-05T01:00:00", 20, null);
        lead(org.li, "2026-05-06T01:00:00", 200, opportunity(org.li, liCustomer, "LOST", "2026-06-01T04:00:00"));
        lead(org.zhang, "2026-06-05T01:00:00", 5, null);
        lead(null, "2026-06-06T01:00:00", null, null);
        UUID deleted = lead(org.zhang, "2026-06-07T01:00:00", 1, null);
        db.transaction(cfg -> {
            DSL.using(cfg).update(LEAD).set(LEAD.DELETED_AT, utc("2026-06-08T00:00:00"))
                    .where(LEAD.ID.eq(deleted)).execute();
            rollUp(cfg);
        });
        // Q1: one lead, 100 minutes.
        lead(org.zhang, "2026-02-05T01:00:00", 100, null);
    }

    private UUID lead(User owner, String createdAt, Integer minutes, UUID opportunity) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> {
            DSL.using(cfg).insertInto(LEAD).set(LEAD.ID, id).set(LEAD.NAME, "线索 " + createdAt)
                    .set(LEAD.STATUS, opportunity != null ? "CONVERTED" : owner == null ? "NEW" : "ASSIGNED")
                    .set(LEAD.OWNER_ID, owner == null ? null : owner.id()).set(LEAD.RESPONSE_MINUTES, minutes)
                    .set(LEAD.OPPORTUNITY_ID, opportunity).set(LEAD.BOARD_RANK, "m").set(LEAD.VERSION, 1L)
                    .set(LEAD.CREATED_AT, utc(createdAt)).set(LEAD.UPDATED_AT, utc(createdAt)).execute();
            rollUp(cfg);
        });
        return id;
    }

    private UUID opportunity(User owner, UUID customer, String stage, String closedAt) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> DSL.using(cfg).insertInto(OPPORTUNITY).set(OPPORTUNITY.ID, id)
                .set(OPPORTUNITY.CUSTOMER_ID, customer).set(OPPORTUNITY.NAME, "商机 " + stage)
                .set(OPPORTUNITY.OWNER_ID, owner.id()).set(OPPORTUNITY.STAGE, stage)
                .set(OPPORTUNITY.PROBABILITY, "WON".equals(stage) ? 100 : 0)
                .set(OPPORTUNITY.STAGE_CHANGED_AT, utc(closedAt)).set(OPPORTUNITY.CLOSED_AT, utc(closedAt))
                .set(OPPORTUNITY.BOARD_RANK, "m").set(OPPORTUNITY.VERSION, 1L)
                .set(OPPORTUNITY.CREATED_AT, utc("2026-04-05T01:00:00"))
                .set(OPPORTUNITY.UPDATED_AT, utc(closedAt)).execute());
        db.transaction(KpiFixture::rollUp);
        return id;
    }

    /** The fixture writes rows past the repositories, as a bulk load does: the KPI roll-ups count them again. */
    static void rollUp(Configuration cfg) {
        LeadKpiDayRepository.using(cfg).rebuild();
        ContractKpiDayRepository.using(cfg).rebuild();
        CustomerFirstWonRepository.using(cfg).rebuild();
    }

    private void activities() {
        // Timed minutes 10 + 30 + 1 + 60 + 20 + 40 = 161, paperwork (NOTE) 30 + 20 = 50.
        // Effective touches: 王一's 10-minute call and visit, 李二's meeting, 张三's demo = 4.
        activity(org.wang, wangCustomer, "CALL", "2026-04-07T02:00:00", 10);
        activity(org.wang, wangCustomer, "NOTE", "2026-04-07T03:00:00", 30);
        activity(org.wang, wangCustomer, "VISIT", "2026-04-08T03:00:00", null);
        activity(org.wang, wangCustomer, "CALL", "2026-04-09T03:00:00", 1);
        activity(org.li, liCustomer, "MEETING", "2026-05-07T03:00:00", 60);
        activity(org.li, liCustomer, "NOTE", "2026-05-07T05:00:00", 20);
        activity(org.zhang, zhangCustomer, "DEMO", "2026-06-07T03:00:00", 40);
        UUID deleted = activity(org.zhang, zhangCustomer, "CALL", "2026-06-08T03:00:00", 100);
        db.transaction(cfg -> ActivityRepository.using(cfg, clock).delete(null, FIXTURE, deleted, 1L));
        // 17:00 UTC on 30 June is 01:00 on 1 July in Shanghai: Q3, not Q2.
        activity(org.zhang, zhangCustomer, "NOTE", "2026-06-30T17:00:00", 500);
    }

    /** A follow-up written as the app writes it, so the KPI roll-up counts it too. */
    UUID activity(User owner, UUID customer, String kind, String at, Integer minutes) {
        UUID id = Ids.newId(clock);
        ActivityDraft draft = new ActivityDraft(ActivityKind.valueOf(kind), utc(at), null, minutes, null, null, null,
                null);
        db.transaction(cfg -> ActivityRepository.using(cfg, clock).insertAll(null, FIXTURE,
                List.of(new ActivityRepository.NewActivity(id, customer, owner.id(), draft))));
        return id;
    }

    private void people() {
        // Key roles on 1 April: 陈东, 王一, 李二, 赵南 (张三 joined on 15 April); 李二 left on 15 May.
        db.transaction(cfg -> {
            var dsl = DSL.using(cfg);
            // The accounts were made today (2 July); the team was there long before.
            dsl.update(APP_USER).set(APP_USER.JOINED_ON, LocalDate.of(2025, 1, 1)).execute();
            dsl.update(APP_USER).set(APP_USER.JOINED_ON, LocalDate.of(2026, 4, 15))
                    .where(APP_USER.ID.eq(org.zhang.id())).execute();
            dsl.update(APP_USER).set(APP_USER.LEFT_ON, LocalDate.of(2026, 5, 15))
                    .where(APP_USER.ID.eq(org.li.id())).execute();
        });
    }

    private void costs() {
        // The customer won in Q2 (王一's deal, 25 April): 3,000 measured + 1,000 allocated to win it.
        db.transaction(cfg -> {
            var dsl = DSL.using(cfg);
            cost(dsl, "ACQUISITION", "3000.00", "MEASURED");
            cost(dsl, "PRESALES", "1000.00", "ALLOCATED");
        });
    }

    private void cost(org.jooq.DSLContext dsl, String kind, String amount, String basis) {
        dsl.insertInto(COST_ENTRY).set(COST_ENTRY.ID, Ids.newId(clock)).set(COST_ENTRY.KIND, kind)
                .set(COST_ENTRY.CUSTOMER_ID, wangCustomer).set(COST_ENTRY.AMOUNT, new BigDecimal(amount))
                .set(COST_ENTRY.INCURRED_ON, LocalDate.of(2026, 4, 1)).set(COST_ENTRY.BASIS, basis)
                .set(COST_ENTRY.VERSION, 1L).set(COST_ENTRY.CREATED_AT, utc("2026-04-01T00:00:00"))
                .set(COST_ENTRY.UPDATED_AT, utc("2026-04-01T00:00:00")).execute();
    }
}
