package io.salesdesk.bench;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.demo.DemoFaker;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A full pipeline for one sales region: its customers and a fixed number of opportunities, split
 * over the eight stages in the demo's funnel shares (20 % 初步接洽, 20 % 需求确认, 15 % 方案演示,
 * 15 % 报价, 10 % 商务谈判, 5 % 合同审批, 10 % 赢单, 5 % 输单) exactly, not by chance, with the
 * amounts, close dates and reasons each stage requires. Each column keeps the order its deals were
 * made in.
 */
final class PipelineDeals {

    /** Stage codes with their share of the deals in percent, in funnel order (as DemoDeals). */
    static final String[] STAGES = {"INITIAL", "NEEDS", "SOLUTION", "QUOTE", "NEGOTIATION", "CONTRACT", "WON", "LOST"};
    private static final int[] SHARE = {20, 20, 15, 15, 10, 5, 10, 5};
    /** Deals per customer: a hospital buys several lines at once. */
    private static final int DEALS_PER_CUSTOMER = 2;
    private static final int BATCH = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] PRODUCTS = {
        "多参数监护仪", "彩色多普勒超声", "有创呼吸机", "输液泵", "除颤监护仪", "电子胃肠镜",
        "麻醉机", "全自动生化分析仪", "血细胞分析仪", "数字化X射线摄影系统", "高频电刀", "中央监护系统",
    };
    private static final String[] WON = {"技术评分第一，价格在预算内", "老客户复购，服务口碑好", "竞品交期长，我方现货"};
    private static final String[] LOST = {"价格高于竞品约 8%", "预算冻结，项目延期至明年", "参数不满足招标要求"};

    private final Database db;
    private final Clock clock;
    private final SplittableRandom random;
    private final DemoFaker faker;

    PipelineDeals(Database db, Clock clock, long seed) {
        this.db = db;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.faker = new DemoFaker(seed);
    }

    /** How many of {@code total} deals each stage gets; the first stage takes any rounding rest. */
    static Map<String, Integer> stageCounts(int total) {
        Map<String, Integer> counts = new HashMap<>();
        int given = 0;
        for (int i = 1; i < STAGES.length; i++) {
            counts.put(STAGES[i], total * SHARE[i] / 100);
            given += counts.get(STAGES[i]);
        }
        counts.put(STAGES[0], total - given);
        return counts;
    }

    /**
     * Writes {@code total} deals, with a customer for every two, all owned by {@code reps} and
     * placed in the province {@code provinceCode}.
     */
    void create(Actor admin, List<User> reps, String provinceCode, int total, List<OpportunityStage> stages) {
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "board benchmark");
        List<CustomerRepository.NewCustomer> customers = customers(reps, provinceCode,
                (total + DEALS_PER_CUSTOMER - 1) / DEALS_PER_CUSTOMER);
        for (int start = 0; start < customers.size(); start += BATCH) {
            List<CustomerRepository.NewCustomer> batch = customers.subList(start, Math.min(customers.size(),
                    start + BATCH));
            db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insertAll(admin, reason, batch));
        }
        List<OpportunityRepository.NewOpportunity> deals = deals(customers, total, stages);
        for (int start = 0; start < deals.size(); start += BATCH) {
            List<OpportunityRepository.NewOpportunity> batch = deals.subList(start, Math.min(deals.size(),
                    start + BATCH));
            db.transaction(cfg -> OpportunityRepository.using(cfg, clock).insertAll(admin, reason, batch));
        }
    }

    private List<CustomerRepository.NewCustomer> customers(List<User> reps, String provinceCode, int count) {
        RegionService regions = new RegionService(db);
        Region province = regions.byCode(provinceCode).orElseThrow();
        List<Region> cities = regions.children(province.code());
        Set<String> usedNames = new HashSet<>();
        List<CustomerRepository.NewCustomer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Region city = cities.get(random.nextInt(cities.size()));
            // GB/T 2260 lists "市辖区" as a county of many cities: a code, not a place.
            List<Region> counties = regions.children(city.code()).stream()
                    .filter(r -> !"市辖区".equals(r.name())).toList();
            Region county = counties.isEmpty() ? city : counties.get(random.nextInt(counties.size()));
            String name = faker.customerName(city.name(), county.name());
            for (int attempt = 0; !usedNames.add(CompanyName.normalise(name)); attempt++) {
                name = faker.customerName(city.name(), county.name()) + (attempt < 5 ? "" : "（" + attempt + "）");
            }
            String industry = faker.industry(name);
            String areaCode = county.areaCode() != null ? county.areaCode() : city.areaCode();
            String phone = PhoneNumber.normalise(areaCode == null ? faker.mobile() : faker.landline(areaCode))
                    .orElse(null);
            boolean publicBody = "HOSPITAL".equals(industry) || "PRIMARY_CARE".equals(industry);
            UUID owner = reps.get(random.nextInt(reps.size())).id();
            CustomerDraft draft = new CustomerDraft(name, faker.creditCode(county.code(), publicBody),
                    Tier.valueOf(faker.tier()), industry, county.code(),
                    faker.streetAddress(province.name(), city.name(), county.name()), phone, owner);
            customers.add(new CustomerRepository.NewCustomer(Ids.newId(clock), draft, CompanyName.normalise(name),
                    null, null, null));
        }
        return customers;
    }

    private List<OpportunityRepository.NewOpportunity> deals(List<CustomerRepository.NewCustomer> customers,
                                                             int total, List<OpportunityStage> stages) {
        List<String> stageOfDeal = new ArrayList<>(total);
        stageCounts(total).forEach((stage, n) -> {
            for (int i = 0; i < n; i++) {
                stageOfDeal.add(stage);
            }
        });
        // Shuffled so each customer's two deals sit in unrelated stages and columns mix owners.
        for (int i = stageOfDeal.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            stageOfDeal.set(j, stageOfDeal.set(i, stageOfDeal.get(j)));
        }
        Map<String, Integer> probabilities = new HashMap<>();
        stages.forEach(s -> probabilities.put(s.code(), s.probability()));
        Map<String, String> lastRanks = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<OpportunityRepository.NewOpportunity> deals = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String stage = stageOfDeal.get(i);
            CustomerRepository.NewCustomer customer = customers.get(i % customers.size());
            String rank = BoardRank.between(lastRanks.get(stage), null);
            lastRanks.put(stage, rank);
            deals.add(new OpportunityRepository.NewOpportunity(Ids.newId(clock),
                    deal(customer.id(), customer.draft().ownerId(), stage, today), probabilities.get(stage), rank, null));
        }
        return deals;
    }

    /** A deal with what its stage needs: an amount from 报价 on, a close date in 商务谈判 and 合同审批, a reason once closed. */
    private OpportunityDraft deal(UUID customerId, UUID ownerId, String stage, LocalDate today) {
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        int units = 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 6);
        boolean early = stage.equals("INITIAL") || (stage.equals("NEEDS") && random.nextBoolean());
        BigDecimal amount = early ? null
                : BigDecimal.valueOf((5 + random.nextInt(296)) * 10_000L).multiply(BigDecimal.valueOf(units))
                        .min(BigDecimal.valueOf(6_800_000));
        boolean closed = stage.equals("WON") || stage.equals("LOST");
        LocalDate close = closed ? today.minusDays(random.nextInt(60))
                : random.nextInt(5) == 0 && !stage.equals("NEGOTIATION") && !stage.equals("CONTRACT") ? null
                : today.plusDays(7 + random.nextInt(120));
        String reason = stage.equals("WON") ? WON[random.nextInt(WON.length)]
                : stage.equals("LOST") ? LOST[random.nextInt(LOST.length)] : null;
        return new OpportunityDraft(customerId, product + " " + units + " 台", ownerId, stage, amount, close, null,
                product, reason);
    }
}
