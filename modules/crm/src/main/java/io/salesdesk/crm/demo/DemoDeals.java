package io.salesdesk.crm.demo;

import io.salesdesk.core.BoardRank;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo's opportunities: what a medical-device distributor sells to hospitals and clinics, spread
 * over the pipeline the way a live funnel is (many early deals, few in contract review), with the
 * amounts, dates and reasons each stage requires.
 */
final class DemoDeals {

    private static final String[] PRODUCTS = {
        "多参数监护仪", "彩色多普勒超声", "有创呼吸机", "输液泵", "除颤监护仪", "电子胃肠镜",
        "麻醉机", "全自动生化分析仪", "血细胞分析仪", "数字化X射线摄影系统", "高频电刀", "中央监护系统",
    };
    private static final String[] KINDS = {"采购项目", "更新换代", "科室扩建配套", "年度集采", "试用转采购"};
    private static final String[] WON = {
        "技术评分第一，价格在预算内", "老客户复购，服务口碑好", "竞品交期长，我方现货", "院方指定品牌参数",
    };
    private static final String[] LOST = {
        "价格高于竞品约 8%", "预算冻结，项目延期至明年", "竞品与院方关系更深", "参数不满足招标要求",
    };
    /** Stage codes with their share of deals in percent, in funnel order. */
    private static final String[] STAGES = {"INITIAL", "NEEDS", "SOLUTION", "QUOTE", "NEGOTIATION", "CONTRACT", "WON", "LOST"};
    private static final int[] SHARE = {20, 20, 15, 15, 10, 5, 10, 5};

    private final Map<String, String> lastRanks = new HashMap<>();
    private final Map<String, Integer> probabilities = new HashMap<>();

    DemoDeals(List<OpportunityStage> stages) {
        stages.forEach(s -> probabilities.put(s.code(), s.probability()));
    }

    /** The default probability of the stage. */
    int probability(String stage) {
        return probabilities.getOrDefault(stage, 0);
    }

    /** A deal for the customer, or null for about two customers in three (not every account has one). */
    OpportunityDraft maybeDeal(UUID customerId, UUID ownerId, LocalDate today, SplittableRandom random) {
        if (random.nextInt(10) >= 3) {
            return null;
        }
        String stage = stage(random);
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        int units = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 5);
        boolean early = stage.equals("INITIAL") || (stage.equals("NEEDS") && random.nextBoolean());
        // Unit prices from 8,000 (an infusion pump) to 1.2 million yuan (a DR system), in 1,000s.
        long unitPrice = 8_000L + random.nextInt(120) * random.nextInt(10) * 1_000L;
        BigDecimal amount = early ? null
                : BigDecimal.valueOf(unitPrice * units).min(BigDecimal.valueOf(3_600_000));
        LocalDate close = stage.equals("WON") || stage.equals("LOST") ? today.minusDays(random.nextInt(60))
                : random.nextInt(5) == 0 && !stage.equals("NEGOTIATION") && !stage.equals("CONTRACT") ? null
                : today.plusDays(7 + random.nextInt(120));
        String reason = stage.equals("WON") ? WON[random.nextInt(WON.length)]
                : stage.equals("LOST") ? LOST[random.nextInt(LOST.length)] : null;
        String name = product + " " + units + " 台 · " + KINDS[random.nextInt(KINDS.length)];
        return new OpportunityDraft(customerId, name, ownerId, stage, amount, close, null, product, reason);
    }

    /** The next rank at the bottom of the stage's column, so demo deals keep the order they were made in. */
    String nextRank(String stage) {
        String rank = BoardRank.between(lastRanks.get(stage), null);
        lastRanks.put(stage, rank);
        return rank;
    }

    private static String stage(SplittableRandom random) {
        int pick = random.nextInt(100);
        for (int i = 0; i < STAGES.length; i++) {
            pick -= SHARE[i];
            if (pick < 0) {
                return STAGES[i];
            }
        }
        return STAGES[0];
    }
}
