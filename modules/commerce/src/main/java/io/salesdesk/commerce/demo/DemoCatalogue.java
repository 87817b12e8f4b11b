package io.salesdesk.commerce.demo;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.stock.OpportunityLine;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's catalogue and stock: 30 medical devices and consumables in six categories with ranked
 * substitutes, five warehouses serving the East China regions the demo sells in, stock with a few
 * gaps, product lines and stock checks on some open deals, and a few quotes. The scenario of the
 * issue is in it: a 温州 hospital's deal wants the MON-M8 monitor, which the 温州 warehouse does not
 * have (20 inbound, arriving in 9 days) while its substitute MON-M9 is in stock; the check froze the
 * customer's 监护仪 orders for 72 hours. The same seed and clock give the same catalogue and stock.
 */
public final class DemoCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogue.class);

    /** SKU, name, category, unit, list price, cost price. */
    private static final String[][] PRODUCTS = {
        {"MON-M8", "多参数监护仪 M8", "监护仪", "台", "38000", "26500"},
        {"MON-M9", "多参数监护仪 M9（高配）", "监护仪", "台", "45000", "31000"},
        {"MON-M7", "多参数监护仪 M7", "监护仪", "台", "31000", "21800"},
        {"MON-T3", "转运监护仪 T3", "监护仪", "台", "22000", "15200"},
        {"MON-CMS", "中央监护系统 CMS-32", "监护仪", "套", "168000", "112000"},
        {"US-C60", "彩色多普勒超声 C60", "超声", "台", "680000", "468000"},
        {"US-C50", "彩色多普勒超声 C50", "超声", "台", "520000", "358000"},
        {"US-P5", "便携式彩超 P5", "超声", "台", "198000", "132000"},
        {"US-P3", "便携式彩超 P3", "超声", "台", "156000", "104000"},
        {"US-L12", "高频线阵探头 L12-5", "超声", "个", "36000", "22500"},
        {"INF-B2", "输液泵 B2", "输注泵", "台", "9800", "6100"},
        {"INF-B3", "输液泵 B3（双通道）", "输注泵", "台", "13500", "8600"},
        {"INF-S1", "注射泵 S1", "输注泵", "台", "7600", "4700"},
        {"INF-S2", "注射泵 S2", "输注泵", "台", "8900", "5500"},
        {"INF-WS", "输注工作站 WS-8", "输注泵", "套", "42000", "27800"},
        {"CON-ECG", "一次性心电电极片（50 片）", "耗材", "盒", "85", "38"},
        {"CON-SPO", "血氧探头（成人）", "耗材", "个", "260", "120"},
        {"CON-SPO2", "血氧探头（成人，兼容型）", "耗材", "个", "180", "82"},
        {"CON-IV", "输液器（精密过滤，100 套）", "耗材", "箱", "960", "520"},
        {"CON-GEL", "超声耦合剂（250ml×20）", "耗材", "箱", "320", "150"},
        {"IVD-BIO", "生化试剂盒 肝功 8 项", "检验试剂", "盒", "2600", "1450"},
        {"IVD-BIO2", "生化试剂盒 肝功 8 项（国产）", "检验试剂", "盒", "1900", "980"},
        {"IVD-CBC", "血细胞分析试剂 五分类", "检验试剂", "套", "3200", "1900"},
        {"IVD-CRP", "C 反应蛋白检测试剂", "检验试剂", "盒", "880", "430"},
        {"IVD-QC", "生化质控品 双水平", "检验试剂", "盒", "1500", "820"},
        {"STE-P80", "脉动真空灭菌器 P80", "消毒设备", "台", "268000", "182000"},
        {"STE-P60", "脉动真空灭菌器 P60", "消毒设备", "台", "215000", "146000"},
        {"STE-W20", "全自动清洗消毒机 W20", "消毒设备", "台", "128000", "86000"},
        {"STE-LT", "低温等离子灭菌器 LT-100", "消毒设备", "台", "356000", "241000"},
        {"STE-UV", "紫外线消毒车 UV-2", "消毒设备", "台", "6800", "3900"},
    };
    /** Product and its substitutes, best first. */
    private static final String[][] SUBSTITUTES = {
        {"MON-M8", "MON-M9", "MON-M7"}, {"MON-M7", "MON-M8"}, {"MON-M9", "MON-M8"},
        {"US-C60", "US-C50"}, {"US-P5", "US-P3", "US-C50"}, {"INF-B2", "INF-B3"}, {"INF-S1", "INF-S2"},
        {"CON-SPO", "CON-SPO2"}, {"IVD-BIO", "IVD-BIO2"}, {"STE-P80", "STE-P60"},
    };
    /** Products some warehouses have run out of (with stock inbound). */
    private static final Set<String> GAPPY = Set.of("US-C60", "STE-LT", "INF-B3", "MON-CMS",
            "IVD-BIO2");
    /** Code, name, address, regions served. */
    private static final String[][] WAREHOUSES = {
        {"SH01", "上海中心仓", "上海市嘉定区安亭镇园区路 88 号", "310000"},
        {"NJ01", "南京仓", "江苏省南京市江宁区将军大道 201 号", "320000"},
        {"SZ01", "苏州前置仓", "江苏省苏州市工业园区星湖街 18 号", "320500,320200,320400"},
        {"HZ01", "杭州仓", "浙江省杭州市余杭区仓前街道 66 号", "330100,330400,330500,330600,330700,330800"},
        {"NB01", "宁波仓", "浙江省宁波市鄞州区启明路 9 号", "330200,330900,331000"},
        {"WZ01", "温州仓", "浙江省温州市瓯海区经济开发区 12 号", "330300,331100"},
    };

    private final Database db;
    private final Clock clock;

    public DemoCatalogue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * What the demo created.
     *
     * @param shortDeals deals whose stock check found a shortage
     * @param freezes    order freezes those checks started
     */
    public record Summary(int products, int warehouses, int stockRows, int checkedDeals, int shortDeals, int freezes,
                          int quotes) {
    }

    /** Creates the catalogue on top of the demo organisation (it needs its admin, customers and deals). */
    public Summary create(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 13 + 5);
        Actor admin = db.transactionResult(cfg -> UserRepository.using(cfg, clock).firstWithRole(Role.ADMIN))
                .orElseThrow(() -> new IllegalStateException("The demo catalogue needs the demo organisation first"))
                .asActor();
        RegionService regions = new RegionService(db);
        ProductService products = new ProductService(db, clock);
        StockService stock = new StockService(db, clock, regions);
        OrderFreezeService freezes = new OrderFreezeService(db, clock);
        OpportunityLines lines = new OpportunityLines(db, clock, freezes, stock);
        QuoteService quotes = new QuoteService(db, clock, freezes);

        Map<String, Product> bySku = new LinkedHashMap<>();
        for (String[] p : PRODUCTS) {
            bySku.put(p[0], products.create(admin, new ProductDraft(p[0], p[1], p[2], p[3], new BigDecimal(p[4]),
                    new BigDecimal(p[5]))));
        }
        for (String[] s : SUBSTITUTES) {
            Product p = products.find(bySku.get(s[0]).id()).orElseThrow();
            List<UUID> ranked = new ArrayList<>();
            for (int i = 1; i < s.length; i++) {
                ranked.add(bySku.get(s[i]).id());
            }
            products.setSubstitutes(admin, p.id(), p.version(), ranked);
        }
        Map<String, Warehouse> warehouses = new LinkedHashMap<>();
        for (String[] w : WAREHOUSES) {
            warehouses.put(w[0], stock.createWarehouse(admin, new WarehouseDraft(w[0], w[1], w[2],
                    List.of(w[3].split(",")))));
        }
        LocalDate today = BusinessTime.today(clock);
        int rows = 0;
        for (Warehouse w : warehouses.values()) {
            for (Product p : bySku.values()) {
                // Consumables and reagents come by the box in hundreds; devices by the unit.
                boolean bulk = "耗材".equals(p.category()) || "检验试剂".equals(p.category());
                int onHand = bulk ? 200 + random.nextInt(800) : 8 + random.nextInt(30);
                // Gaps only where no demo deal plans to buy, so the 温州 deal is the one short deal.
                boolean gap = GAPPY.contains(p.sku()) && random.nextInt(3) == 0 && !"WZ01".equals(w.code());
                if (gap) {
                    onHand = 0;
                }
                if ("WZ01".equals(w.code()) && "MON-M8".equals(p.sku())) {
                    onHand = 0; // the scenario: the main model is out where 温州 is served from
                } else if ("WZ01".equals(w.code()) && "MON-M9".equals(p.sku())) {
                    onHand = 15; // and its first substitute covers the deal
                }
                if (onHand > 0) {
                    stock.receive(admin, p.id(), w.id(), BigDecimal.valueOf(onHand));
                }
                if (gap || onHand == 0) {
                    int days = "MON-M8".equals(p.sku()) ? 9 : 5 + random.nextInt(20);
                    stock.setInbound(admin, p.id(), w.id(), BigDecimal.valueOf(bulk ? 500 : 20), today.plusDays(days));
                }
                rows++;
            }
        }
        Deals deals = deals();
        int checked = 0;
        int shortDeals = 0;
        int frozen = 0;
        // The scenario first: a 温州 hospital wants ten MON-M8 and their consumables.
        if (deals.wenzhou != null) {
            OpportunityLines.Checked c = lines.save(admin, deals.wenzhou, List.of(
                    line(bySku, "MON-M8", 10), line(bySku, "CON-ECG", 20), line(bySku, "CON-SPO", 10)));
            checked++;
            shortDeals += c.check().hasShortage() ? 1 : 0;
            frozen += c.freezes().size();
        }
        // Other open deals plan modest quantities the serving warehouses have.
        // Each plan goes to a deal that says it sells that kind of device (its name or products), so
        // a deal called 输液泵 plans infusion pumps.
        String[][] plans = {
            {"US-P5", "1", "CON-GEL", "5", "超声"}, {"INF-B2", "6", "CON-IV", "10", "输液泵"},
            {"IVD-BIO", "30", "IVD-QC", "5", "生化"}, {"STE-W20", "1", "STE-UV", "2", "消毒"},
            {"MON-M7", "4", "CON-ECG", "10", "监护"}, {"INF-S1", "5", "INF-WS", "1", "注射泵"},
            {"US-C50", "1", "US-L12", "1", "超声"}, {"IVD-CBC", "20", "IVD-CRP", "10", "血细胞"},
        };
        Map<UUID, String[]> quoted = new LinkedHashMap<>();
        java.util.Set<UUID> planned = new java.util.HashSet<>();
        for (String[] plan : plans) {
            UUID deal = deals.others.entrySet().stream()
                    .filter(e -> !planned.contains(e.getKey()) && e.getValue().contains(plan[4]))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (deal == null) {
                continue;
            }
            planned.add(deal);
            OpportunityLines.Checked c = lines.save(admin, deal, List.of(
                    line(bySku, plan[0], Integer.parseInt(plan[1])), line(bySku, plan[2], Integer.parseInt(plan[3]))));
            checked++;
            shortDeals += c.check().hasShortage() ? 1 : 0;
            frozen += c.freezes().size();
            if (!c.check().hasShortage() && quoted.size() < 3) {
                quoted.put(deal, plan);
            }
        }
        int quoteCount = quotes(quotes, quoted, bySku, deals);
        Summary summary = new Summary(bySku.size(), warehouses.size(), rows, checked, shortDeals, frozen, quoteCount);
        LOG.info("Demo catalogue: {}", summary);
        return summary;
    }

    private int quotes(QuoteService quotes, Map<UUID, String[]> quoted, Map<String, Product> bySku, Deals deals) {
        // One sent at 5 % off, one waiting for a manager's approval (22 % off), one still a draft.
        String[] discounts = {"5", "22", "8"};
        int made = 0;
        int i = 0;
        for (Map.Entry<UUID, String[]> e : quoted.entrySet()) {
            UUID deal = e.getKey();
            String[] plan = e.getValue();
            Actor owner = deals.owners.get(deal);
            Quote q = quotes.create(owner, new QuoteDraft(deals.customers.get(deal), deal, null, "含运输、安装与培训",
                    List.of(new QuoteLineDraft(bySku.get(plan[0]).id(), new BigDecimal(plan[1]), null,
                                    new BigDecimal(discounts[i])),
                            new QuoteLineDraft(bySku.get(plan[2]).id(), new BigDecimal(plan[3]), null, null))));
            if (i == 0) {
                quotes.send(owner, q.id(), q.version());
            } else if (i == 1) {
                quotes.submit(owner, q.id(), q.version());
            }
            made++;
            i++;
        }
        return made;
    }

    private static OpportunityLine.Draft line(Map<String, Product> bySku, String sku, int quantity) {
        return new OpportunityLine.Draft(bySku.get(sku).id(), BigDecimal.valueOf(quantity));
    }

    /** Open deals: one of a 温州 customer (made if the demo has none) and others across the regions. */
    private static final class Deals {
        private UUID wenzhou;
        /** Open deals outside 温州 with what they say they sell, in creation order. */
        private final Map<UUID, String> others = new LinkedHashMap<>();
        private final Map<UUID, UUID> customers = new LinkedHashMap<>();
        private final Map<UUID, Actor> owners = new LinkedHashMap<>();
    }

    private Deals deals() {
        return db.transactionResult(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            Deals deals = new Deals();
            // Deals whose customer is still owned by the deal's rep (the pool took some customers back).
            var open = dsl.select(OPPORTUNITY.ID, OPPORTUNITY.CUSTOMER_ID, CUSTOMER.REGION_CODE, OPPORTUNITY.OWNER_ID,
                            OPPORTUNITY.PRODUCTS, OPPORTUNITY.NAME)
                    .from(OPPORTUNITY).join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                    .join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                    .where(OPPORTUNITY.DELETED_AT.isNull(), OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"),
                            CUSTOMER.REGION_CODE.isNotNull(), CUSTOMER.DELETED_AT.isNull(),
                            CUSTOMER.OWNER_ID.eq(OPPORTUNITY.OWNER_ID))
                    .orderBy(OPPORTUNITY.CREATED_AT, OPPORTUNITY.ID).fetch();
            UserRepository users = UserRepository.using(cfg, clock);
            for (var r : open) {
                deals.customers.put(r.value1(), r.value2());
                deals.owners.put(r.value1(), users.byId(r.value4()).orElseThrow().asActor());
                if (deals.wenzhou == null && r.value3().startsWith("3303")) {
                    deals.wenzhou = r.value1();
                } else if (!r.value3().startsWith("3303") && deals.others.size() < 400) {
                    deals.others.put(r.value1(), (r.value5() == null ? "" : r.value5()) + " " + r.value6());
                }
            }
            if (deals.wenzhou == null) {
                deals.wenzhou = wenzhouDeal(cfg, dsl, deals);
            }
            return deals;
        });
    }

    /** A deal for a 温州 customer when the demo's deals have none (small demo workspaces). */
    private UUID wenzhouDeal(org.jooq.Configuration cfg, DSLContext dsl, Deals deals) {
        Record3<UUID, UUID, String> customer = dsl.select(CUSTOMER.ID, CUSTOMER.OWNER_ID, CUSTOMER.NAME)
                .from(CUSTOMER).where(CUSTOMER.REGION_CODE.startsWith("3303"), CUSTOMER.OWNER_ID.isNotNull(),
                        CUSTOMER.DELETED_AT.isNull()).orderBy(CUSTOMER.ID).limit(1).fetchOne();
        if (customer == null) {
            return null;
        }
        OpportunityRepository rows = OpportunityRepository.using(cfg, clock);
        String stage = rows.stages().get(1).code();
        UUID id = Ids.newId(clock);
        rows.insertAll(null, ChangeReason.of(ChangeReason.Kind.DEMO, "catalogue"), List.of(
                new OpportunityRepository.NewOpportunity(id, new OpportunityDraft(customer.value1(),
                        "监护仪更新换代采购（10 台）", customer.value2(), stage, new BigDecimal("380000"), null, null,
                        "多参数监护仪 M8 ×10", null), rows.stages().get(1).probability(),
                        rows.edgeRank(stage, true).map(top -> BoardRank.between(null, top)).orElse(BoardRank.first()),
                        null)));
        deals.customers.put(id, customer.value1());
        return id;
    }
}
