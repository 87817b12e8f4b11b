package io.salesdesk.territory.demo;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.LEAD;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.REP_PROFILE;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.demo.DemoFaker;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.territory.surge.MacroRegion;
import io.salesdesk.territory.surge.SurgeRepository;
import io.salesdesk.territory.surge.SurgeSettings;
import io.salesdesk.territory.surge.SurgeWindows;
import io.salesdesk.territory.territory.TerritoryOwner;
import io.salesdesk.territory.territory.TerritoryRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The demo's territories and its surge. Each East China team gets a territory (half of its
 * region's cities, or of Shanghai's districts) in a colour of its own; a South China region with
 * one team (李娜, 王强 and 陈静, the least loaded reps of the company, 0.31, 0.35 and 0.50) owns
 * 广东, 广西 and 海南. Eight weeks of inquiry history put East China's usual level at about 25 a
 * week and this week's at about four times that, so the first surge scan raises the alert
 * "临时抽调华南 2 名负荷最低的销售：李娜 (0.31)、王强 (0.35)，并开放其华东公海访问 7 天".
 * Runs after {@code DemoLeads}; the same seed gives the same data relative to the clock.
 */
public final class DemoTerritories {

    /** East China's usual weekly inquiries in the demo, and this week's. */
    static final int USUAL_WEEK = 25;
    static final int SURGE_WEEK = 105;
    private static final String[] TEAM_COLOURS = {"#4C78A8", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6"};
    private static final String SOUTH_COLOUR = "#F58518";

    private final Database db;
    private final Clock clock;

    public DemoTerritories(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the demo created. */
    public record Summary(int territories, int southReps, int inquiries) {
    }

    public Summary create(long seed) {
        RegionService regions = new RegionService(db);
        SplittableRandom random = new SplittableRandom(seed * 13 + 5);
        DemoFaker faker = new DemoFaker(seed + 211);
        int territories = teamTerritories(regions);
        List<UUID> south = southChina(faker);
        int inquiries = southLoad(regions, faker, random, south) + eastSurge(regions, faker, random);
        return new Summary(territories + 1, south.size(), inquiries);
    }

    /** Each team of a region with a province gets every other city (district) of it. */
    private int teamTerritories(RegionService regions) {
        return db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            TerritoryRepository rows = TerritoryRepository.using(cfg, clock);
            Map<String, List<UUID>> teamsByProvince = new LinkedHashMap<>();
            Map<UUID, String> names = new LinkedHashMap<>();
            dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME, ORG_UNIT.REGION_CODE).from(ORG_UNIT)
                    .where(ORG_UNIT.KIND.eq(OrgUnit.Kind.TEAM.name()), ORG_UNIT.REGION_CODE.isNotNull(),
                            ORG_UNIT.DELETED_AT.isNull())
                    .orderBy(ORG_UNIT.PATH).forEach(r -> {
                        teamsByProvince.computeIfAbsent(r.value3(), k -> new ArrayList<>()).add(r.value1());
                        names.put(r.value1(), r.value2());
                    });
            int made = 0;
            for (var e : teamsByProvince.entrySet()) {
                List<Region> places = new ArrayList<>();
                for (Region city : regions.children(e.getKey())) {
                    if ("市辖区".equals(city.name())) {
                        places.addAll(regions.children(city.code()).stream()
                                .filter(r -> !"市辖区".equals(r.name())).toList());
                    } else {
                        places.add(city);
                    }
                }
                List<UUID> teams = e.getValue();
                for (int t = 0; t < teams.size(); t++) {
                    List<String> codes = new ArrayList<>();
                    for (int i = t; i < places.size(); i += teams.size()) {
                        codes.add(places.get(i).code());
                    }
                    UUID id = Ids.newId(clock);
                    rows.insert(null, id, names.get(teams.get(t)) + "辖区", TerritoryOwner.team(teams.get(t)),
                            TEAM_COLOURS[made % TEAM_COLOURS.length]);
                    rows.replaceRegions(id, codes);
                    made++;
                }
            }
            return made;
        });
    }

    /** 华南大区 with its manager and a team of three reps, owning 广东, 广西 and 海南. */
    private List<UUID> southChina(DemoFaker faker) {
        return db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "territories");
            var company = dsl.select(ORG_UNIT.ID, ORG_UNIT.PATH).from(ORG_UNIT)
                    .where(ORG_UNIT.PARENT_ID.isNull(), ORG_UNIT.DELETED_AT.isNull()).orderBy(ORG_UNIT.PATH).limit(1)
                    .fetchSingle();
            UUID gm = users.firstWithRole(Role.GM).map(User::id).orElse(null);
            UUID regionId = Ids.newId(clock);
            OrgUnit region = new OrgUnit(regionId, company.value1(), "华南大区", OrgUnit.Kind.REGION,
                    company.value2() + regionId + "/", "440000");
            units.insert(null, reason, region);
            User manager = user(users, reason, "manager.gd", faker.personName(), Role.MANAGER, region, gm, faker);
            UUID teamId = Ids.newId(clock);
            OrgUnit team = new OrgUnit(teamId, regionId, "广州团队", OrgUnit.Kind.TEAM, region.childPath(teamId), "440000");
            units.insert(null, reason, team);
            List<UUID> reps = new ArrayList<>();
            String[] names = {"李娜", "王强", "陈静"};
            int[] capacities = {100, 100, 60};
            for (int i = 0; i < names.length; i++) {
                User rep = user(users, reason, "rep.gd" + (i + 1), names[i], Role.REP, team, manager.id(), faker);
                dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, rep.id())
                        .set(REP_PROFILE.MONTHLY_CAPACITY, capacities[i]).execute();
                reps.add(rep.id());
            }
            UUID id = Ids.newId(clock);
            TerritoryRepository rows = TerritoryRepository.using(cfg, clock);
            rows.insert(null, id, "华南辖区", TerritoryOwner.team(regionId), SOUTH_COLOUR);
            rows.replaceRegions(id, MacroRegion.SOUTH.provinceCodes());
            return reps;
        });
    }

    /**
     * The South China reps' open leads, from before the surge windows: 31, 35 and 30 of them,
     * load index 0.31, 0.35 and 0.50.
     */
    private int southLoad(RegionService regions, DemoFaker faker, SplittableRandom random, List<UUID> reps) {
        int[] open = {31, 35, 30};
        OffsetDateTime now = Rows.now(clock);
        List<Region> cities = regions.children("440000");
        List<LeadRepository.NewLead> leads = new ArrayList<>();
        String rank = BoardRank.first();
        for (int r = 0; r < reps.size(); r++) {
            for (int i = 0; i < open[r]; i++) {
                Region city = cities.get(random.nextInt(cities.size()));
                OffsetDateTime created = now.minusDays(40 + random.nextInt(20)).minusMinutes(random.nextInt(600));
                rank = BoardRank.between(null, rank);
                leads.add(new LeadRepository.NewLead(Ids.newId(clock), draft(faker, random, city), LeadStatus.CONTACTED,
                        reps.get(r), created.plusMinutes(2), "演示数据：华南线索", null, rank, created));
            }
        }
        insert(leads);
        return leads.size();
    }

    /**
     * Tops East China's inquiries up to {@link #USUAL_WEEK} a week on average over the four weeks
     * before this one, and {@link #SURGE_WEEK} this week, counting what the demo's leads already
     * put there. Older leads are closed; this week's are being worked by the East China reps.
     */
    private int eastSurge(RegionService regions, DemoFaker faker, SplittableRandom random) {
        OffsetDateTime now = Rows.now(clock);
        SurgeWindows windows = SurgeWindows.at(clock.instant(), SurgeSettings.DEFAULTS);
        int[] counts = db.transactionResult(cfg -> {
            int[] sum = new int[windows.windows().size()];
            var byProvince = SurgeRepository.using(cfg, clock).countsByProvince(windows);
            for (String prefix : MacroRegion.EAST.provincePrefixes()) {
                int[] c = byProvince.get(prefix);
                for (int i = 0; c != null && i < sum.length; i++) {
                    sum[i] += c[i];
                }
            }
            return sum;
        });
        List<UUID> eastReps = db.transactionResult(cfg -> DSL.using(cfg).select(APP_USER.ID).from(APP_USER)
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.ROLE.eq(Role.REP.name()), APP_USER.DELETED_AT.isNull(),
                        ORG_UNIT.REGION_CODE.in(MacroRegion.EAST.provinceCodes()))
                .orderBy(APP_USER.USERNAME).fetch(APP_USER.ID));
        // Shanghai, where the app starts (manager.sh), gets half of it and so hears of the surge.
        List<String> provinces = List.of("310000", "310000", "320000", "330000");
        List<LeadRepository.NewLead> leads = new ArrayList<>();
        String rank = BoardRank.first();
        int baselineTotal = 0;
        for (int i = 1; i < counts.length; i++) {
            baselineTotal += counts[i];
        }
        int toAdd = Math.max(0, USUAL_WEEK * (counts.length - 1) - baselineTotal);
        int[] extra = new int[counts.length];
        // Fill the emptiest baseline week first, so the weeks come out level.
        for (int n = 0; n < toAdd; n++) {
            int lowest = 1;
            for (int i = 2; i < counts.length; i++) {
                if (counts[i] + extra[i] < counts[lowest] + extra[lowest]) {
                    lowest = i;
                }
            }
            extra[lowest]++;
        }
        extra[0] = Math.max(0, SURGE_WEEK - counts[0]);
        for (int w = 0; w < extra.length; w++) {
            SurgeWindows.Window window = windows.windows().get(w);
            for (int n = 0; n < extra[w]; n++) {
                // Well inside the window, so a scan some hours later still counts it there.
                long span = Duration.between(window.from(), window.to()).toMinutes();
                OffsetDateTime created = w == 0
                        ? window.to().minusMinutes(30 + random.nextLong(span * 5 / 7))
                        : window.from().plusMinutes(span / 7 + random.nextLong(span * 5 / 7));
                Region city = city(regions, provinces.get(random.nextInt(provinces.size())), random);
                rank = BoardRank.between(null, rank);
                boolean thisWeek = w == 0;
                UUID owner = eastReps.isEmpty() ? null : eastReps.get(random.nextInt(eastReps.size()));
                leads.add(new LeadRepository.NewLead(Ids.newId(clock), draft(faker, random, city),
                        thisWeek ? LeadStatus.CONTACTED : LeadStatus.DISQUALIFIED, owner,
                        owner == null ? null : created.plusMinutes(3), "演示数据：询盘", null, rank, created));
            }
        }
        insert(leads);
        // Disqualified history is closed: give it a close date and a reason as a worked lead has.
        db.transaction(cfg -> DSL.using(cfg).update(LEAD).set(LEAD.CLOSED_AT, LEAD.CREATED_AT)
                .set(LEAD.DISQUALIFY_REASON, "同行询价，非终端客户")
                .where(LEAD.STATUS.eq(LeadStatus.DISQUALIFIED.name()), LEAD.CLOSED_AT.isNull(),
                        LEAD.ASSIGNMENT_REASON.eq("演示数据：询盘")).execute());
        return leads.size();
    }

    private static Region city(RegionService regions, String province, SplittableRandom random) {
        List<Region> cities = regions.children(province);
        Region city = cities.get(random.nextInt(cities.size()));
        List<Region> counties = regions.children(city.code()).stream().filter(r -> !"市辖区".equals(r.name())).toList();
        return counties.isEmpty() ? city : counties.get(random.nextInt(counties.size()));
    }

    private static LeadDraft draft(DemoFaker faker, SplittableRandom random, Region place) {
        String name = faker.customerName(place.name(), place.name());
        return new LeadDraft(name, faker.personName(), faker.mobile(), null, place.code(), faker.industry(name),
                Tier.values()[random.nextInt(4)], "官网表单", null);
    }

    private void insert(List<LeadRepository.NewLead> leads) {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "surge");
        db.transaction(cfg -> LeadRepository.using(cfg, clock).insertAll(null, reason, leads));
    }

    private static User user(UserRepository users, ChangeReason reason, String username, String name, Role role,
                             OrgUnit unit, UUID managerId, DemoFaker faker) {
        User user = new User(Ids.newId(), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(null, reason, user, username + "@kangrui-demo.cn", faker.mobile());
        return user;
    }
}
