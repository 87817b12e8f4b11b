package io.salesdesk.insight.demo;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.FunnelNode;
import io.salesdesk.insight.funnel.FunnelRepository;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.insight.funnel.Measure;
import io.salesdesk.insight.tier.Period;
import io.salesdesk.insight.tier.TierRule;
import io.salesdesk.insight.tier.TierRuleRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's funnel and tier rules: the 医疗设备演示销售 funnel over the demo deals, with the
 * materials, trial follow-ups and customer questions a real team would have logged (some late, some
 * missing, so the funnel shows misses and the reps get coaching prompts), and the tier action rules
 * the demo's customers are measured against. Runs the funnel scan once so the figures are there.
 */
public final class DemoFunnels {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFunnels.class);
    private static final ChangeReason REASON = ChangeReason.of(ChangeReason.Kind.DEMO, "demo funnels");
    private static final String[] MATERIALS = {"发送产品彩页与技术参数资料", "邮件发送临床案例资料", "微信发送报价单与彩页资料"};
    private static final String[] QUESTIONS = {"客户提问：耗材价格与供货周期", "客户提问：与现有设备的接口兼容",
        "客户提问：售后响应时间", "客户提问：培训安排"};
    private static final String[] TRIAL = {"试用回访，科室反馈良好", "现场指导使用", "试用问题处理", "与科主任沟通试用结果"};

    private final Database db;
    private final Clock clock;

    public DemoFunnels(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the demo made: funnels, tier rules, follow-ups added to the deals, and the first scan's result. */
    public record Summary(int funnels, int tierRules, int activities, int evaluated, int missed, int prompts) {
    }

    public Summary create(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x46554e4eL);
        OffsetDateTime now = Rows.now(clock);
        int added = db.transactionResult(cfg -> {
            FunnelRepository.using(cfg, clock).insert(null, REASON, funnel());
            TierRuleRepository rules = TierRuleRepository.using(cfg, clock);
            for (TierRule rule : tierRules()) {
                rules.insert(null, REASON, rule);
            }
            DemoFunnelRepository deals = DemoFunnelRepository.using(cfg);
            List<ActivityRepository.NewActivity> activities = new ArrayList<>();
            for (DemoFunnelRepository.Deal deal : deals.deals()) {
                history(deal, now, random, deals, activities);
            }
            tierVisits(deals.tieredCustomers(), now, activities);
            ActivityRepository.using(cfg, clock).insertAll(null, REASON, activities);
            LOG.info("Demo funnels: {} follow-ups on the demo deals", activities.size());
            return activities.size();
        });
        // The demo company works in Chinese, like its daily report: prompts in Chinese whatever the JVM's locale.
        FunnelScanner.Report report = new FunnelScanner(db, clock, Locale.SIMPLIFIED_CHINESE).scan();
        LOG.info("Demo funnels: {} deal-nodes evaluated, {} coaching prompts", report.evaluated(), report.prompts());
        return new Summary(1, tierRules().size(), added, report.evaluated(), report.missed(), report.prompts());
    }

    /** 医疗设备演示销售: materials before the demo, ≥3 touches in the 14-day trial, answers in 24 h, quote in 30 days. */
    static Funnel funnel() {
        return new Funnel(null, "医疗设备演示销售", null, true, 0, List.of(
                new FunnelNode(null, 1, "演示前发送资料",
                        new Measure.ActivityBeforeStage(ActivityKind.NOTE, "资料", "SOLUTION")),
                new FunnelNode(null, 2, "试用期内互动 ≥3 次", new Measure.ActivityCount(null, null, "SOLUTION", 14, 3)),
                new FunnelNode(null, 3, "客户提问 24 小时内回复", new Measure.ReplyWithin(ActivityKind.NOTE, "提问", 24)),
                new FunnelNode(null, 4, "30 天内进入报价", new Measure.StageWithin("QUOTE", 30))));
    }

    static List<TierRule> tierRules() {
        return List.of(
                new TierRule(null, "A 类客户：每月 2 次技术演示", Tier.A, ActivityKind.DEMO, 2, Period.MONTH, true, 0),
                new TierRule(null, "B 类客户：每月 1 次拜访", Tier.B, ActivityKind.VISIT, 1, Period.MONTH, true, 0),
                new TierRule(null, "C 类客户：每季度 1 次拜访", Tier.C, ActivityKind.VISIT, 1, Period.QUARTER, true, 0));
    }

    /**
     * Opens the deal some days before it entered its stage and logs what happened since: materials
     * (three deals in four), trial follow-ups after the demo stage, and a customer's question answered
     * within hours or, one time in three, the next days.
     */
    private static void history(DemoFunnelRepository.Deal deal, OffsetDateTime now, SplittableRandom random,
                                DemoFunnelRepository deals, List<ActivityRepository.NewActivity> out) {
        boolean demoed = deal.stageOrder() >= 3 && !deal.lost();
        OffsetDateTime stageAt = deal.inStageSince();
        // Early deals opened when they entered their stage; later ones 8–45 days before.
        OffsetDateTime opened = demoed ? stageAt.minusDays(8 + random.nextInt(38)).minusHours(random.nextInt(8))
                : stageAt;
        deals.openedAt(deal.id(), opened.truncatedTo(ChronoUnit.SECONDS));
        if (random.nextInt(4) != 0) {
            OffsetDateTime at = demoed && random.nextInt(6) == 0 ? stageAt.plusDays(1) // sent late, after the demo
                    : opened.plusHours(20 + random.nextInt(60));
            add(out, deal, ActivityKind.NOTE, at, MATERIALS[random.nextInt(MATERIALS.length)], now);
        }
        if (!demoed) {
            return;
        }
        int touches = random.nextInt(6);
        for (int i = 0; i < touches; i++) {
            add(out, deal, random.nextBoolean() ? ActivityKind.CALL : ActivityKind.VISIT,
                    stageAt.plusHours(6 + random.nextInt(13 * 24)), TRIAL[random.nextInt(TRIAL.length)], now);
        }
        if (random.nextInt(3) != 0) {
            OffsetDateTime asked = stageAt.plusDays(1 + random.nextInt(5)).plusHours(random.nextInt(8));
            add(out, deal, ActivityKind.NOTE, asked, QUESTIONS[random.nextInt(QUESTIONS.length)], now);
            int hours = random.nextInt(3) == 0 ? 30 + random.nextInt(60) : 1 + random.nextInt(20);
            add(out, deal, ActivityKind.CALL, asked.plusHours(hours), "电话答复客户问题", now);
        }
    }

    /**
     * The demos and visits the tier rules ask for, this quarter so far: each rep keeps up with them
     * to their own degree (45–100 %, fixed per rep), so completion and bonus coefficients differ.
     */
    private static void tierVisits(List<DemoFunnelRepository.TieredCustomer> customers, OffsetDateTime now,
                                   List<ActivityRepository.NewActivity> out) {
        LocalDate today = now.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        for (DemoFunnelRepository.TieredCustomer c : customers) {
            SplittableRandom rep = new SplittableRandom(c.ownerId().getLeastSignificantBits());
            int diligence = 45 + rep.nextInt(56);
            SplittableRandom random = new SplittableRandom(c.id().getLeastSignificantBits());
            ActivityKind kind = c.tier().equals("A") ? ActivityKind.DEMO : ActivityKind.VISIT;
            int perMonth = c.tier().equals("A") ? 2 : 1;
            LocalDate start = Period.QUARTER.start(today);
            for (LocalDate month = start; !month.isAfter(today); month = month.plusMonths(1)) {
                // C customers need one visit a quarter: only in its first month.
                if (c.tier().equals("C") && !month.equals(start)) {
                    break;
                }
                for (int i = 0; i < perMonth; i++) {
                    if (random.nextInt(100) >= diligence) {
                        continue;
                    }
                    int spread = (int) Math.max(1, Math.min(28, today.toEpochDay() - month.toEpochDay()));
                    OffsetDateTime at = month.plusDays(random.nextInt(spread)).atTime(10 + random.nextInt(7), 0)
                            .atZone(BusinessTime.ZONE).toOffsetDateTime();
                    if (!at.isBefore(now)) {
                        continue;
                    }
                    out.add(new ActivityRepository.NewActivity(Ids.newId(), c.id(), c.ownerId(), new ActivityDraft(kind,
                            at.withOffsetSameInstant(ZoneOffset.UTC), null, 60,
                            kind == ActivityKind.DEMO ? "技术演示（分级规则）" : "例行拜访（分级规则）", null, null, null)));
                }
            }
        }
    }

    private static void add(List<ActivityRepository.NewActivity> out, DemoFunnelRepository.Deal deal, ActivityKind kind,
                            OffsetDateTime at, String note, OffsetDateTime now) {
        if (!at.isBefore(now)) {
            return;
        }
        out.add(new ActivityRepository.NewActivity(Ids.newId(), deal.customerId(), deal.ownerId(),
                new ActivityDraft(kind, at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), null,
                        kind == ActivityKind.NOTE ? null : 30, note, null, null, null)));
    }
}
