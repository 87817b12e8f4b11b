package io.salesdesk.crm.demo;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.WORKSPACE_SETTING;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo workspace: a medical-device distributor in East China with three sales regions
 * (上海, 江苏, 浙江), their managers and twelve reps, customers with contacts, and six months of
 * follow-up history. The same seed gives the same organisation, names and history.
 */
public final class DemoWorkspace {

    /** Username of the regional manager the app starts as. */
    public static final String DEFAULT_USER = "manager.sh";

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 500;
    private static final int HISTORY_DAYS = 182;

    private final Database db;
    private final Clock clock;

    public DemoWorkspace(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether the workspace has no customers and no users yet, so a demo may be created in it. */
    public boolean isEmpty() {
        // Existence, not a count: counting a 100,000-row table is a full scan on every start.
        return db.transactionResult(cfg -> !DSL.using(cfg).fetchExists(APP_USER)
                && !DSL.using(cfg).fetchExists(CUSTOMER));
    }

    /** Creates the demo organisation with {@code customers} customers. */
    public Summary create(long seed, int customers) {
        return create(seed, customers, done -> { });
    }

    /**
     * Creates the demo organisation, reporting how many customers are written so far.
     *
     * @throws SalesDeskException if the workspace already holds data
     */
    public Summary create(long seed, int customerCount, IntConsumer progress) {
        if (!isEmpty()) {
            throw new SalesDeskException("demo.notEmpty");
        }
        RegionService regions = new RegionService(db);
        DemoFaker faker = new DemoFaker(seed);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        Organisation org = createOrganisation(faker);
        org.deals = new DemoDeals(db.transactionResult(cfg -> OpportunityRepository.using(cfg, clock).stages()));
        Actor system = org.admin.asActor();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(CHINA).toLocalDate();
        Set<String> usedNames = new HashSet<>();
        int contacts = 0;
        int activities = 0;
        int opportunities = 0;
        for (int start = 0; start < customerCount; start += BATCH) {
            int size = Math.min(BATCH, customerCount - start);
            Batch batch = new Batch();
            for (int i = 0; i < size; i++) {
                addCustomer(batch, org, regions, faker, random, usedNames, now, today);
            }
            db.transaction(cfg -> {
                ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "seed " + seed);
                CustomerRepository.using(cfg, clock, code -> code).insertAll(system, reason, batch.customers);
                ContactRepository.using(cfg, clock).insertAll(system, reason, batch.contacts);
                ActivityRepository.using(cfg, clock).insertAll(system, reason, batch.activities);
                OpportunityRepository.using(cfg, clock).insertAll(system, reason, batch.opportunities);
            });
            opportunities += batch.opportunities.size();
            contacts += batch.contacts.size();
            activities += batch.activities.size();
            progress.accept(start + size);
        }
        db.transaction(cfg -> DSL.using(cfg).insertInto(WORKSPACE_SETTING)
                .set(WORKSPACE_SETTING.SETTING_KEY, "demo.seed")
                .set(WORKSPACE_SETTING.SETTING_VALUE, Long.toString(seed)).execute());
        LOG.info("Demo workspace: {} customers, {} contacts, {} activities, {} opportunities", customerCount, contacts,
                activities, opportunities);
        return new Summary(org.users.size(), customerCount, contacts, activities, opportunities);
    }

    private Organisation createOrganisation(DemoFaker faker) {
        Organisation org = new Organisation();
        db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, clock);
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.DEMO, "organisation");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "康瑞医疗器械（华东）有限公司", OrgUnit.Kind.COMPANY,
                    OrgUnit.rootPath(companyId), null);
            units.insert(null, reason, company);
            org.admin = user(users, null, reason, "admin", "系统管理员", Role.ADMIN, company, null, faker);
            Actor actor = org.admin.asActor();
            User gm = user(users, actor, reason, "gm", faker.personName(), Role.GM, company, null, faker);
            user(users, actor, reason, "finance", faker.personName(), Role.FINANCE, company, gm.id(), faker);
            user(users, actor, reason, "legal", faker.personName(), Role.LEGAL, company, gm.id(), faker);
            user(users, actor, reason, "ops", faker.personName(), Role.OPS, company, gm.id(), faker);
            String[][] regionsSpec = {
                {"sh", "上海大区", "310000", "浦东团队", "浦西团队"},
                {"js", "江苏大区", "320000", "苏南团队", "苏北团队"},
                {"zj", "浙江大区", "330000", "杭州团队", "宁波团队"},
            };
            for (String[] spec : regionsSpec) {
                UUID regionId = Ids.newId(clock);
                OrgUnit region = new OrgUnit(regionId, companyId, spec[1], OrgUnit.Kind.REGION,
                        company.childPath(regionId), spec[2]);
                units.insert(actor, reason, region);
                User manager = user(users, actor, reason, "manager." + spec[0], faker.personName(), Role.MANAGER,
                        region, gm.id(), faker);
                SalesRegion salesRegion = new SalesRegion(spec[2], manager);
                for (int t = 0; t < 2; t++) {
                    UUID teamId = Ids.newId(clock);
                    OrgUnit team = new OrgUnit(teamId, regionId, spec[3 + t], OrgUnit.Kind.TEAM,
                            region.childPath(teamId), spec[2]);
                    units.insert(actor, reason, team);
                    for (int r = 1; r <= 2; r++) {
                        int n = t * 2 + r;
                        salesRegion.reps.add(user(users, actor, reason, "rep." + spec[0] + n, faker.personName(),
                                Role.REP, team, manager.id(), faker));
                    }
                }
                org.regions.add(salesRegion);
            }
            org.users.addAll(users.all());
        });
        return org;
    }

    private static User user(UserRepository users, Actor actor, ChangeReason reason, String username, String name,
                             Role role, OrgUnit unit, UUID managerId, DemoFaker faker) {
        User user = new User(Ids.newId(), username, name, role, unit.id(), unit.name(), unit.path(), managerId);
        users.insert(actor, reason, user, username + "@kangrui-demo.cn", faker.mobile());
        return user;
    }

    private void addCustomer(Batch batch, Organisation org, RegionService regions, DemoFaker faker,
                             SplittableRandom random, Set<String> usedNames, OffsetDateTime now, LocalDate today) {
        // Shanghai is the biggest market of the three, as for most East China distributors.
        int regionPick = random.nextInt(10);
        SalesRegion salesRegion = org.regions.get(regionPick < 4 ? 0 : regionPick < 7 ? 1 : 2);
        Region province = regions.byCode(salesRegion.provinceCode).orElseThrow();
        List<Region> cities = regions.children(province.code());
        Region city = cities.get(random.nextInt(cities.size()));
        // GB/T 2260 lists "市辖区" as a county of many cities: a code, not a place anyone writes.
        List<Region> counties = regions.children(city.code()).stream()
                .filter(r -> !"市辖区".equals(r.name())).toList();
        Region county = counties.isEmpty() ? city : counties.get(random.nextInt(counties.size()));

        String name = faker.customerName(city.name(), county.name());
        for (int attempt = 0; !usedNames.add(CompanyName.normalise(name)); attempt++) {
            name = attempt < 5 ? faker.customerName(city.name(), county.name())
                    : faker.customerName(city.name(), county.name()) + "（" + (attempt - 4) + "）";
        }
        String industry = faker.industry(name);
        Tier tier = Tier.valueOf(faker.tier());
        String areaCode = county.areaCode() != null ? county.areaCode() : city.areaCode();
        String phone = PhoneNumber.normalise(areaCode == null ? faker.mobile() : faker.landline(areaCode)).orElse(null);
        boolean publicBody = "HOSPITAL".equals(industry) || "PRIMARY_CARE".equals(industry);
        User owner = salesRegion.reps.get(random.nextInt(salesRegion.reps.size()));
        UUID customerId = Ids.newId(clock);
        CustomerDraft draft = new CustomerDraft(name, faker.creditCode(county.code(), publicBody), tier, industry,
                county.code(), faker.streetAddress(province.name(), city.name(), county.name()), phone, owner.id());

        List<UUID> contactIds = new ArrayList<>();
        int contactCount = 1 + random.nextInt(3);
        for (int c = 0; c < contactCount; c++) {
            UUID contactId = Ids.newId(clock);
            contactIds.add(contactId);
            String contactName = faker.personName();
            batch.contacts.add(new ContactRepository.NewContact(contactId, customerId, new ContactDraft(contactName,
                    faker.contactTitle(industry), faker.mobile(), null, null,
                    random.nextInt(3) == 0 ? "wx_" + Integer.toHexString(contactName.hashCode() & 0xFFFFF) : null,
                    c == 0, null)));
        }

        // Tier A customers are visited more often; some C/D customers have had no follow-up at all.
        int base = switch (tier) {
            case A -> 8;
            case B -> 5;
            case C -> 3;
            case D -> 1;
        };
        int activityCount = Math.max(0, base + random.nextInt(base + 3) - 1);
        OffsetDateTime createdAt = now.minusDays(HISTORY_DAYS + random.nextInt(400));
        OffsetDateTime last = null;
        LocalDate nextDue = null;
        List<OffsetDateTime> times = new ArrayList<>();
        for (int a = 0; a < activityCount; a++) {
            times.add(workingTime(now, random));
        }
        times.sort(null);
        for (int a = 0; a < times.size(); a++) {
            OffsetDateTime at = times.get(a);
            ActivityKind kind = kind(random);
            LocalDate due = a == times.size() - 1 ? latestDueDate(at, today, random)
                    : at.atZoneSameInstant(CHINA).toLocalDate().plusDays(2 + random.nextInt(13));
            ActivityDraft activity = new ActivityDraft(kind, at, contactIds.get(random.nextInt(contactIds.size())),
                    kind == ActivityKind.NOTE ? null : 10 + random.nextInt(12) * 10, faker.activityNote(kind.name()),
                    faker.activityOutcome(kind.name()), faker.nextStep(), due);
            UUID by = random.nextInt(12) == 0 ? salesRegion.manager.id() : owner.id();
            batch.activities.add(new ActivityRepository.NewActivity(Ids.newId(clock), customerId, by, activity));
            last = at;
            nextDue = due;
        }

        batch.customers.add(new CustomerRepository.NewCustomer(customerId, draft, CompanyName.normalise(name), last,
                nextDue, createdAt.withOffsetSameInstant(ZoneOffset.UTC)));
        OpportunityDraft deal = org.deals.maybeDeal(customerId, owner.id(), today, random);
        if (deal != null) {
            batch.opportunities.add(new OpportunityRepository.NewOpportunity(Ids.newId(clock), deal,
                    org.deals.probability(deal.stage()), org.deals.nextRank(deal.stage()),
                    now.minusDays(random.nextInt(45)).minusHours(random.nextInt(24))
                            .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    /**
     * The next date set at a customer's latest follow-up. Live accounts mostly have one ahead; about
     * one in seven slipped a few days, as in a real team; a customer left alone for a month has none
     * (the follow-up SLA rules, not a stale date, will bring it back).
     */
    private static LocalDate latestDueDate(OffsetDateTime at, LocalDate today, SplittableRandom random) {
        LocalDate day = at.atZoneSameInstant(CHINA).toLocalDate();
        if (day.isBefore(today.minusDays(30))) {
            return null;
        }
        if (random.nextInt(7) == 0) {
            return today.minusDays(1 + random.nextInt(6));
        }
        LocalDate planned = day.plusDays(2 + random.nextInt(13));
        return planned.isBefore(today) ? today.plusDays(random.nextInt(8)) : planned;
    }

    /** A time on a working day within the last six months, between 08:30 and 18:00 China time. */
    private static OffsetDateTime workingTime(OffsetDateTime now, SplittableRandom random) {
        while (true) {
            LocalDate day = now.atZoneSameInstant(CHINA).toLocalDate().minusDays(random.nextInt(HISTORY_DAYS));
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            OffsetDateTime at = day.atTime(8, 30).plusMinutes(random.nextInt(570)).atZone(CHINA)
                    .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            if (at.isBefore(now)) {
                return at.withNano(0);
            }
        }
    }

    private static ActivityKind kind(SplittableRandom random) {
        int p = random.nextInt(100);
        if (p < 40) {
            return ActivityKind.CALL;
        } else if (p < 70) {
            return ActivityKind.VISIT;
        } else if (p < 80) {
            return ActivityKind.MEETING;
        } else if (p < 90) {
            return ActivityKind.DEMO;
        }
        return ActivityKind.NOTE;
    }

    /**
     * What the demo created.
     *
     * @param users      users
     * @param customers  customers
     * @param contacts   contacts
     * @param activities    follow-ups
     * @param opportunities deals in the pipeline
     */
    public record Summary(int users, int customers, int contacts, int activities, int opportunities) {
    }

    private static final class Organisation {
        private User admin;
        private final List<SalesRegion> regions = new ArrayList<>();
        private final List<User> users = new ArrayList<>();
        private DemoDeals deals;
    }

    private static final class SalesRegion {
        private final String provinceCode;
        private final User manager;
        private final List<User> reps = new ArrayList<>();

        SalesRegion(String provinceCode, User manager) {
            this.provinceCode = provinceCode;
            this.manager = manager;
        }
    }

    private static final class Batch {
        private final List<CustomerRepository.NewCustomer> customers = new ArrayList<>();
        private final List<ContactRepository.NewContact> contacts = new ArrayList<>();
        private final List<ActivityRepository.NewActivity> activities = new ArrayList<>();
        private final List<OpportunityRepository.NewOpportunity> opportunities = new ArrayList<>();
    }
}
