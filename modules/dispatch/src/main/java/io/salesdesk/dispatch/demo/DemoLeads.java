package io.salesdesk.dispatch.demo;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.REP_PROFILE;
import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.LeadKpiDayRepository;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.demo.DemoFaker;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.dispatch.DispatchService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * The demo's leads, territories and pool: each rep sells in a share of their region's cities, one
 * is on leave; two weeks of leads came in and were dispatched and worked, a few still wait; the
 * return rules ran once, so the pool holds the customers nobody worked.
 */
public final class DemoLeads {

    private static final String[] SOURCES = {"官网表单", "展会", "400 电话", "老客户转介绍", "公众号留言", "招标网"};
    private static final int LEADS = 60;
    private static final int WAITING = 12;

    private final Database db;
    private final Clock clock;

    public DemoLeads(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the demo created. */
    public record Summary(int leads, int waiting, int pooled) {
    }

    public Summary create(long seed) {
        RegionService regions = new RegionService(db);
        CustomerService customers = new CustomerService(db, clock, regions);
        LeadService leadService = new LeadService(db, clock, regions, customers);
        DispatchService dispatch = new DispatchService(db, clock, regions, leadService, Locale.SIMPLIFIED_CHINESE);
        SplittableRandom random = new SplittableRandom(seed * 17 + 3);
        DemoFaker faker = new DemoFaker(seed + 101);

        List<String> provinces = territories(regions, random);
        ageClosedDeals(random);
        int pooled = new PoolService(db, clock, regions, customers).returnUnworked(new PoolService.Wordings() {
            @Override
            public String noFollowUp(int days) {
                return "自动退回公海：" + days + " 天未跟进";
            }

            @Override
            public String noProgress(int days) {
                return "自动退回公海：商机 " + days + " 天无进展";
            }
        }).size();

        OffsetDateTime now = Rows.now(clock);
        List<LeadRepository.NewLead> arrived = new ArrayList<>();
        List<LeadRepository.NewLead> waiting = new ArrayList<>();
        String rank = BoardRank.first();
        for (int i = 0; i < LEADS + WAITING; i++) {
            String province = provinces.get(random.nextInt(provinces.size()));
            Region p = regions.byCode(province).orElseThrow();
            List<Region> cities = regions.children(province);
            Region city = cities.get(random.nextInt(cities.size()));
            List<Region> counties = regions.children(city.code()).stream().filter(r -> !"市辖区".equals(r.name())).toList();
            Region county = counties.isEmpty() ? city : counties.get(random.nextInt(counties.size()));
            String name = faker.customerName(city.name(), county.name());
            // One lead in eight leaves its address vague: dispatch falls back and flags it.
            boolean vague = random.nextInt(8) == 0;
            String address = vague ? null : faker.streetAddress(p.name(), city.name(), county.name());
            LeadDraft draft = new LeadDraft(name, faker.personName(), faker.mobile(), address,
                    vague ? null : county.code(), faker.industry(name), Tier.values()[random.nextInt(4)],
                    SOURCES[random.nextInt(SOURCES.length)], null);
            boolean isWaiting = i >= LEADS;
            OffsetDateTime created = isWaiting ? now.minusMinutes(5 + random.nextInt(240))
                    : now.minusDays(1 + random.nextInt(14)).minusMinutes(random.nextInt(600));
            rank = BoardRank.between(null, rank);
            (isWaiting ? waiting : arrived).add(new LeadRepository.NewLead(Ids.newId(clock), draft, LeadStatus.NEW,
                    null, null, null, null, rank, created));
        }
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "leads " + seed);
        db.transaction(cfg -> {
            LeadRepository rows = LeadRepository.using(cfg, clock);
            rows.insertAll(null, reason, arrived);
            List<Lead> toDispatch = arrived.stream().map(l -> rows.findAny(l.id()).orElseThrow())
                    .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
            List<Lead> dispatched = dispatch.dispatchAll(cfg, toDispatch).stream().map(r -> r.lead()).toList();
            // work() writes response minutes past LeadRepository: the KPI roll-up moves with it.
            LeadKpiDayRepository kpiDays = LeadKpiDayRepository.using(cfg);
            List<UUID> worked = dispatched.stream().map(Lead::id).toList();
            LeadKpiDayRepository.Snapshot before = kpiDays.ofLeads(worked);
            work(DSL.using(cfg), dispatched, random);
            kpiDays.apply(before, kpiDays.ofLeads(worked));
            rows.insertAll(null, reason, waiting);
        });
        return new Summary(LEADS + WAITING, WAITING, pooled);
    }

    /**
     * The demo's deals are written today with their stage dates backdated; closed ones get the age
     * a real deal has at its close, each rep closing at their own pace, so track records differ.
     */
    private void ageClosedDeals(SplittableRandom random) {
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Map<UUID, Integer> pace = new LinkedHashMap<>();
            for (var r : dsl.select(OPPORTUNITY.ID, OPPORTUNITY.OWNER_ID, OPPORTUNITY.CLOSED_AT).from(OPPORTUNITY)
                    .where(OPPORTUNITY.CLOSED_AT.isNotNull()).orderBy(OPPORTUNITY.ID).fetch()) {
                int days = pace.computeIfAbsent(r.value2(), k -> 14 + random.nextInt(40)) + random.nextInt(15) - 7;
                dsl.update(OPPORTUNITY).set(OPPORTUNITY.CREATED_AT, r.value3().minusDays(Math.max(3, days)))
                        .where(OPPORTUNITY.ID.eq(r.value1())).execute();
            }
        });
    }

    /** Older leads were worked: contacted after some minutes, some qualified, converted or dropped. */
    private static void work(DSLContext dsl, List<Lead> leads, SplittableRandom random) {
        for (Lead lead : leads) {
            if (lead.ownerId() == null) {
                continue;
            }
            OffsetDateTime assigned = lead.createdAt().plusMinutes(1);
            int p = random.nextInt(100);
            LeadStatus status = p < 15 ? LeadStatus.ASSIGNED : p < 55 ? LeadStatus.CONTACTED : p < 80
                    ? LeadStatus.QUALIFIED : LeadStatus.DISQUALIFIED;
            int minutes = random.nextInt(4) == 0 ? 30 + random.nextInt(300) : 3 + random.nextInt(27);
            var update = dsl.update(LEAD).set(LEAD.ASSIGNED_AT, assigned).set(LEAD.STATUS, status.name());
            if (status != LeadStatus.ASSIGNED) {
                update = update.set(LEAD.FIRST_RESPONSE_AT, assigned.plusMinutes(minutes))
                        .set(LEAD.RESPONSE_MINUTES, minutes);
            }
            if (status == LeadStatus.DISQUALIFIED) {
                update = update.set(LEAD.DISQUALIFY_REASON, random.nextBoolean() ? "无采购预算" : "同行询价，非终端客户")
                        .set(LEAD.CLOSED_AT, assigned.plusDays(1));
            }
            update.where(LEAD.ID.eq(lead.id())).execute();
        }
    }

    /**
     * Shares each region's cities (Shanghai's districts) among its reps at city level, two reps to a
     * place; gives every
     * rep a capacity and puts one on leave this week. Returns the provinces the org sells in.
     */
    private List<String> territories(RegionService regions, SplittableRandom random) {
        return db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Map<String, List<UUID>> repsByProvince = new LinkedHashMap<>();
            for (Record3<UUID, String, String> r : dsl.select(APP_USER.ID, ORG_UNIT.REGION_CODE, APP_USER.USERNAME)
                    .from(APP_USER).join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                    .where(APP_USER.ROLE.eq(Role.REP.name()), ORG_UNIT.REGION_CODE.isNotNull(), APP_USER.DELETED_AT.isNull())
                    .orderBy(APP_USER.USERNAME).fetch()) {
                repsByProvince.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value1());
            }
            var today = BusinessTime.today(clock);
            boolean someoneAway = false;
            for (var e : repsByProvince.entrySet()) {
                List<Region> places = new ArrayList<>();
                for (Region city : regions.children(e.getKey())) {
                    if ("市辖区".equals(city.name())) {
                        places.addAll(regions.children(city.code()));
                    } else {
                        places.add(city);
                    }
                }
                List<UUID> reps = e.getValue();
                // Each place has a first rep and, where the team allows, a second, so dispatch weighs
                // load and track record between two people there.
                for (int i = 0; i < places.size(); i++) {
                    for (int k = 0; k < Math.min(2, reps.size()); k++) {
                        dsl.insertInto(REP_TERRITORY).set(REP_TERRITORY.USER_ID, reps.get((i + k) % reps.size()))
                                .set(REP_TERRITORY.REGION_CODE, places.get(i).code()).execute();
                    }
                }
                for (UUID rep : reps) {
                    boolean away = !someoneAway && "320000".equals(e.getKey());
                    someoneAway |= away;
                    dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, rep)
                            .set(REP_PROFILE.MONTHLY_CAPACITY, 40 + 10 * random.nextInt(5))
                            .set(REP_PROFILE.AWAY_FROM, away ? today.minusDays(1) : null)
                            .set(REP_PROFILE.AWAY_UNTIL, away ? today.plusDays(4) : null).execute();
                }
            }
            return new ArrayList<>(repsByProvince.keySet());
        });
    }
}
