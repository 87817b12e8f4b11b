package io.salesdesk.insight.demo;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_LINE;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.commerce.collection.CollectionItem;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractDraft;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.insight.forecast.ForecastLevel;
import io.salesdesk.insight.forecast.ForecastPeriod;
import io.salesdesk.insight.forecast.ForecastRepository;
import io.salesdesk.insight.forecast.ForecastRow;
import io.salesdesk.insight.forecast.ForecastService;
import io.salesdesk.insight.forecast.ProcurementService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's forecasts: a history of signed contracts over the last three closed quarters (paid and
 * closed, so receivables stay as the finance demo made them), the forecasts that were frozen at the
 * start of each of those quarters — weighted pipeline a little optimistic, commits a little cautious,
 * the managers' adjusted figure closest, as in most sales teams — so the accuracy panel shows real
 * MAPE and bias; this quarter's commits by every rep, two adjustments with notes by a manager, this
 * quarter frozen as submitted; and safety stock for the procurement view. Same seed, same figures.
 */
public final class DemoForecasts {

    /** Closed quarters with history. */
    static final int QUARTERS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DemoForecasts.class);

    private final Database db;
    private final Clock clock;
    private final Path attachmentsRoot;

    public DemoForecasts(Database db, Clock clock, Path attachmentsRoot) {
        this.db = db;
        this.clock = clock;
        this.attachmentsRoot = attachmentsRoot;
    }

    /** What the demo created. */
    public record Summary(int contracts, int frozenCells, int commits, int adjustments) {
    }

    public Summary create(long seed) {
        List<User> users = new UserService(db, clock).all();
        Actor admin = users.stream().filter(u -> u.role() == Role.ADMIN).findFirst().map(User::asActor)
                .orElseThrow(() -> new IllegalStateException("the demo forecasts need an admin"));
        List<User> reps = users.stream().filter(u -> u.role() == Role.REP).toList();
        SplittableRandom random = new SplittableRandom(seed * 53 + 11);
        LocalDate today = BusinessTime.today(clock);
        ForecastPeriod current = ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, today);
        ForecastService forecasts = new ForecastService(db, clock);

        int contracts = history(admin, reps, current, random);
        int frozen = 0;
        for (int q = QUARTERS; q >= 1; q--) {
            frozen += freezePast(forecasts, admin, current.minus(q), random);
        }
        int commits = 0;
        for (ForecastRow row : forecasts.forecast(admin, current, ForecastLevel.REP)) {
            User rep = reps.stream().filter(u -> u.id().equals(row.subjectId())).findFirst().orElse(null);
            if (rep == null) {
                continue;
            }
            BigDecimal base = row.weighted().max(row.runRate());
            BigDecimal commit = scale(base.signum() == 0 ? BigDecimal.valueOf(100_000) : base, 0.75, 1.05, random)
                    .setScale(-4, RoundingMode.HALF_UP);
            forecasts.commit(rep.asActor(), current, commit, "按重点项目逐一评估");
            commits++;
        }
        int adjustments = 0;
        User manager = users.stream().filter(u -> "manager.sh".equals(u.username())).findFirst().orElse(null);
        if (manager != null) {
            String[] notes = {"瑞金医院招标推迟到下季度，下调", "仁济医院追加采购已口头确认，上调"};
            double[] factors = {0.8, 1.15};
            List<ForecastRow> mine = forecasts.forecast(manager.asActor(), current, ForecastLevel.REP);
            for (int i = 0; i < Math.min(2, mine.size()); i++) {
                ForecastRow row = mine.get(i);
                forecasts.adjust(manager.asActor(), current, ForecastLevel.REP, row.subjectId(),
                        row.adjusted().multiply(BigDecimal.valueOf(factors[i])).setScale(-3, RoundingMode.HALF_UP),
                        notes[i]);
                adjustments++;
            }
        }
        frozen += forecasts.freeze(admin, current, ChangeReason.of(ChangeReason.Kind.DEMO, "forecasts"));
        safetyStock(admin);
        plannedLines(current, random);
        Summary summary = new Summary(contracts, frozen, commits, adjustments);
        LOG.info("Demo forecasts: {}", summary);
        return summary;
    }

    /** One to three contracts per rep and closed quarter, signed, paid on signing and closed. */
    private int history(Actor admin, List<User> reps, ForecastPeriod current, SplittableRandom random) {
        ContractService contracts = new ContractService(db, clock, attachmentsRoot);
        CollectionService collections = new CollectionService(db, clock);
        List<PaymentTerm> terms = List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("100"), 30));
        Map<UUID, List<Object[]>> customers = customers(reps);
        int made = 0;
        for (int q = QUARTERS; q >= 1; q--) {
            ForecastPeriod quarter = current.minus(q);
            int days = (int) (quarter.end().toEpochDay() - quarter.start().toEpochDay());
            for (User rep : reps) {
                List<Object[]> mine = customers.get(rep.id());
                if (mine == null || mine.isEmpty()) {
                    continue;
                }
                int count = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    Object[] customer = mine.get(random.nextInt(mine.size()));
                    BigDecimal amount = BigDecimal.valueOf(80_000 + random.nextInt(52) * 10_000L);
                    LocalDate signed = quarter.start().plusDays(random.nextInt(days + 1));
                    Contract c = contracts.create(admin, new ContractDraft(customer[1] + " 设备采购合同", (UUID) customer[0],
                            rep.id(), contracts.ourParty(), (String) customer[1], amount, null, terms));
                    c = contracts.submitForApproval(admin, c.id(), c.version());
                    c = contracts.sign(admin, c.id(), c.version(), signed);
                    for (CollectionItem item : collections.schedule(admin, c.id())) {
                        collections.issueInvoice(admin, item.id(), item.amount(), signed);
                        collections.recordPayment(admin, item.id(), item.amount(), signed.plusDays(20),
                                "DEMO-H" + (made + 1));
                    }
                    c = contracts.find(admin, c.id()).orElseThrow();
                    contracts.close(admin, c.id(), c.version());
                    made++;
                }
            }
        }
        // Made today, signed in past quarters: drafted and submitted some days before the signing.
        db.transaction(cfg -> DemoKpis.backdateDrafting(DSL.using(cfg), random));
        return made;
    }

    private Map<UUID, List<Object[]>> customers(List<User> reps) {
        Map<UUID, List<Object[]>> map = new HashMap<>();
        db.transaction(cfg -> DSL.using(cfg).select(CUSTOMER.OWNER_ID, CUSTOMER.ID, CUSTOMER.NAME).from(CUSTOMER)
                .where(CUSTOMER.OWNER_ID.in(reps.stream().map(User::id).toList()), CUSTOMER.DELETED_AT.isNull())
                .orderBy(CUSTOMER.NAME).limit(reps.size() * 20)
                .forEach(r -> map.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Object[] {r.value2(), r.value3()})));
        return map;
    }

    /**
     * The forecast of a closed quarter as it would have been frozen on its first day: per rep the
     * weighted pipeline 95–145 % of what was then signed, the commit 78–102 %, the adjusted 90–110 %;
     * the run-rate is the real one. Teams and regions sum their reps.
     */
    private int freezePast(ForecastService forecasts, Actor admin, ForecastPeriod quarter, SplittableRandom random) {
        Map<ForecastLevel, Map<UUID, ForecastRow>> made = new LinkedHashMap<>();
        for (ForecastLevel level : ForecastLevel.values()) {
            made.put(level, new LinkedHashMap<>());
        }
        Map<UUID, UUID> teamOf = new HashMap<>();
        Map<UUID, UUID> regionOf = new HashMap<>();
        List<ForecastRow> teams = forecasts.forecast(admin, quarter, ForecastLevel.TEAM);
        List<ForecastRow> regions = forecasts.forecast(admin, quarter, ForecastLevel.REGION);
        Map<UUID, String> paths = new HashMap<>();
        db.transaction(cfg -> {
            ForecastRepository repo = ForecastRepository.using(cfg, clock);
            for (ForecastLevel level : ForecastLevel.values()) {
                repo.subjects(admin, level).values().forEach(f -> paths.put(f.key(), f.path()));
            }
        });
        for (ForecastRow rep : forecasts.forecast(admin, quarter, ForecastLevel.REP)) {
            String path = paths.get(rep.subjectId());
            teams.stream().filter(t -> path != null && path.equals(paths.get(t.subjectId()))).findFirst()
                    .ifPresent(t -> teamOf.put(rep.subjectId(), t.subjectId()));
            regions.stream().filter(r -> path != null && paths.get(r.subjectId()) != null
                            && path.startsWith(paths.get(r.subjectId()))).findFirst()
                    .ifPresent(r -> regionOf.put(rep.subjectId(), r.subjectId()));
            BigDecimal actual = rep.actual().signum() > 0 ? rep.actual()
                    : BigDecimal.valueOf(30_000 + random.nextInt(8) * 10_000L);
            ForecastRow frozen = new ForecastRow(ForecastLevel.REP, rep.subjectId(), rep.subjectName(),
                    scale(actual, 0.95, 1.45, random), rep.runRate(), scale(actual, 0.78, 1.02, random),
                    scale(actual, 0.90, 1.10, random), BigDecimal.ZERO);
            made.get(ForecastLevel.REP).put(rep.subjectId(), frozen);
        }
        for (ForecastRow rep : made.get(ForecastLevel.REP).values()) {
            add(made.get(ForecastLevel.TEAM), teams, teamOf.get(rep.subjectId()), ForecastLevel.TEAM, rep);
            add(made.get(ForecastLevel.REGION), regions, regionOf.get(rep.subjectId()), ForecastLevel.REGION, rep);
        }
        // Frozen on the quarter's first morning, as a forecast is submitted.
        Clock then = Clock.fixed(quarter.start().atTime(9, 0).atZone(BusinessTime.ZONE).toInstant(), ZoneOffset.UTC);
        List<Map.Entry<ForecastRow, String>> cells = new ArrayList<>();
        made.values().forEach(m -> m.values().forEach(r -> cells.add(
                new AbstractMap.SimpleEntry<>(r, paths.getOrDefault(r.subjectId(), "/")))));
        db.transaction(cfg -> ForecastRepository.using(cfg, then).insertSnapshots(admin,
                ChangeReason.of(ChangeReason.Kind.DEMO, "forecasts"), quarter, cells));
        return cells.size();
    }

    private static void add(Map<UUID, ForecastRow> sums, List<ForecastRow> subjects, UUID key, ForecastLevel level,
                            ForecastRow rep) {
        if (key == null) {
            return;
        }
        String name = subjects.stream().filter(s -> s.subjectId().equals(key)).findFirst()
                .map(ForecastRow::subjectName).orElse("");
        ForecastRow sum = sums.get(key);
        sums.put(key, sum == null ? new ForecastRow(level, key, name, rep.weighted(), rep.runRate(), rep.commit(),
                rep.adjusted(), BigDecimal.ZERO)
                : new ForecastRow(level, key, name, sum.weighted().add(rep.weighted()), sum.runRate().add(rep.runRate()),
                sum.commit().add(rep.commit()), sum.adjusted().add(rep.adjusted()), BigDecimal.ZERO));
    }

    private static BigDecimal scale(BigDecimal amount, double from, double to, SplittableRandom random) {
        double factor = from + random.nextDouble() * (to - from);
        return amount.multiply(BigDecimal.valueOf(factor)).setScale(-3, RoundingMode.HALF_UP).setScale(2);
    }

    /**
     * Product lines on up to five open deals per sales region closing this quarter that have none
     * yet, so the procurement view of every regional manager has quantities to plan (the catalogue
     * demo plans lines on a few deals only).
     */
    private void plannedLines(ForecastPeriod current, SplittableRandom random) {
        List<Product> products = new ProductService(db, clock).list(null, null, true);
        if (products.isEmpty()) {
            return;
        }
        db.transaction(cfg -> {
            var dsl = DSL.using(cfg);
            Map<String, Integer> perRegion = new HashMap<>();
            var deals = dsl.select(OPPORTUNITY.ID, CUSTOMER.REGION_CODE).from(OPPORTUNITY)
                    .join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                    .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                    .where(OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"), OPPORTUNITY.DELETED_AT.isNull(),
                            OPPORTUNITY.EXPECTED_CLOSE_ON.between(current.start(), current.end()),
                            CUSTOMER.REGION_CODE.isNotNull(),
                            DSL.notExists(DSL.selectOne().from(OPPORTUNITY_LINE)
                                    .where(OPPORTUNITY_LINE.OPPORTUNITY_ID.eq(OPPORTUNITY.ID))))
                    .orderBy(OPPORTUNITY.ID).fetch();
            for (var deal : deals) {
                String province = deal.value2().substring(0, 2);
                if (perRegion.merge(province, 1, Integer::sum) > 5) {
                    continue;
                }
                int lines = 1 + random.nextInt(2);
                for (int n = 1; n <= lines; n++) {
                    Product p = products.get(random.nextInt(products.size()));
                    int quantity = p.sku().startsWith("CON-") || p.sku().startsWith("IVD-") ? 20 + random.nextInt(80)
                            : 2 + random.nextInt(12);
                    dsl.insertInto(OPPORTUNITY_LINE).set(OPPORTUNITY_LINE.ID, io.salesdesk.core.Ids.newId(clock))
                            .set(OPPORTUNITY_LINE.OPPORTUNITY_ID, deal.value1()).set(OPPORTUNITY_LINE.LINE_NO, n)
                            .set(OPPORTUNITY_LINE.PRODUCT_ID, p.id())
                            .set(OPPORTUNITY_LINE.QUANTITY, BigDecimal.valueOf(quantity)).execute();
                }
            }
        });
    }

    /** A global safety stock of 5 units and more for the monitors and the consumables. */
    private void safetyStock(Actor admin) {
        ProcurementService procurement = new ProcurementService(db, clock);
        procurement.setDefaultSafetyStock(admin, BigDecimal.valueOf(5));
        for (Product p : new ProductService(db, clock).list(null, null, true)) {
            if (p.sku().startsWith("MON-")) {
                procurement.setSafetyStock(admin, p.id(), BigDecimal.valueOf(10));
            } else if (p.sku().startsWith("CON-")) {
                procurement.setSafetyStock(admin, p.id(), BigDecimal.valueOf(50));
            }
        }
    }
}
