package io.salesdesk.commerce.demo;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;

import io.salesdesk.commerce.collection.CollectionItem;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.commerce.cost.CostBasis;
import io.salesdesk.commerce.cost.CostDraft;
import io.salesdesk.commerce.cost.CostKind;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.commerce.cost.CostSubkind;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * The demo's contracts, collections and costs: contracts from the won demo deals with their
 * payment terms — a few still drafts or in approval, the rest signed at different times in the past
 * so that the receivables fill every ageing bucket (not yet due, 0-30, 31-60, 61-90 and over 90
 * days overdue) — with deliveries and acceptances recorded, invoices issued, payments in full and
 * in part, one contract collected in full and closed; and cost entries of every kind and channel on
 * the won and the open deals. The same seed and clock make the same workspace.
 */
public final class DemoFinance {

    /** Acquisition channels of the demo. */
    static final String[] CHANNELS = {"展会", "官网", "渠道代理", "老客户转介绍"};
    /** Days before today the signed contracts were signed, in turn: with 30 days to pay on signing,
     *  10 is not yet due, 50 is 20 days overdue, 80 is 50, 110 is 80 and 170 is 140. */
    private static final int[] SIGNED_DAYS_AGO = {10, 50, 80, 110, 170, 35, 65, 95, 140, 200};
    private static final int CONTRACTS = 24;
    private static final int OPEN_DEALS_WITH_COSTS = 30;

    private final Database db;
    private final Clock clock;
    private final Path attachmentsRoot;

    public DemoFinance(Database db, Clock clock, Path attachmentsRoot) {
        this.db = db;
        this.clock = clock;
        this.attachmentsRoot = attachmentsRoot;
    }

    /** What the demo created. */
    public record Summary(int contracts, int signed, int invoices, int payments, int costEntries) {
    }

    public Summary create(long seed) {
        Actor finance = new UserService(db, clock).all().stream().filter(u -> u.role().seesEverything())
                .findFirst().map(User::asActor)
                .orElseThrow(() -> new IllegalStateException("the demo finance needs a company-wide user"));
        ContractService contracts = new ContractService(db, clock, attachmentsRoot);
        CollectionService collections = new CollectionService(db, clock);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        LocalDate today = BusinessTime.today(clock);

        List<Deal> won = deals(true, CONTRACTS);
        int signed = 0;
        int invoices = 0;
        int payments = 0;
        for (int i = 0; i < won.size(); i++) {
            Deal deal = won.get(i);
            Contract c = contracts.createFromOpportunity(finance, deal.id(), terms(i));
            if (i % 8 == 0) {
                continue; // a draft
            }
            c = contracts.submitForApproval(finance, c.id(), c.version());
            if (i % 8 == 1) {
                continue; // waiting for approval
            }
            LocalDate signDate = today.minusDays(SIGNED_DAYS_AGO[signed % SIGNED_DAYS_AGO.length]);
            c = contracts.sign(finance, c.id(), c.version(), signDate);
            signed++;
            long age = today.toEpochDay() - signDate.toEpochDay();
            if (age > 40) {
                collections.recordMilestone(finance, c.id(), Milestone.DELIVERY, signDate.plusDays(20));
            }
            if (age > 120) {
                collections.recordMilestone(finance, c.id(), Milestone.ACCEPTANCE, signDate.plusDays(60));
            }
            boolean payAll = i % 8 == 7;
            for (CollectionItem item : collections.schedule(finance, c.id())) {
                if (item.dueOn() == null) {
                    continue;
                }
                LocalDate issued = item.dueOn().minusDays(20).isAfter(today) ? today : item.dueOn().minusDays(20);
                collections.issueInvoice(finance, item.id(), item.amount(), issued.isBefore(signDate) ? signDate : issued);
                invoices++;
                BigDecimal paid = payAll ? item.amount() : switch (random.nextInt(3)) {
                    case 0 -> BigDecimal.ZERO;
                    case 1 -> item.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    default -> item.amount();
                };
                LocalDate received = item.dueOn().isAfter(today) ? today : item.dueOn();
                if (paid.signum() > 0 && (payAll || random.nextInt(4) > 0)) {
                    collections.recordPayment(finance, item.id(), paid, received.isBefore(signDate) ? signDate : received,
                            "DEMO-" + (payments + 1001));
                    payments++;
                }
            }
            if (payAll && age > 120) {
                Contract fresh = contracts.find(finance, c.id()).orElseThrow();
                if (collections.schedule(finance, c.id()).stream().allMatch(it -> it.open().signum() == 0)) {
                    contracts.close(finance, fresh.id(), fresh.version());
                }
            }
        }
        int costEntries = costs(finance, won, deals(false, OPEN_DEALS_WITH_COSTS), random, today);
        return new Summary(won.size(), signed, invoices, payments, costEntries);
    }

    /** The default 30/60/10, or for every third contract 50 % on signing and 50 % on acceptance. */
    private static List<PaymentTerm> terms(int i) {
        if (i % 3 == 2) {
            return List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("50"), 30),
                    new PaymentTerm(Milestone.ACCEPTANCE, new BigDecimal("50"), 45));
        }
        return PaymentTerm.defaults();
    }

    private int costs(Actor finance, List<Deal> won, List<Deal> open, SplittableRandom random, LocalDate today) {
        List<CostDraft> drafts = new ArrayList<>();
        List<Deal> all = new ArrayList<>(won);
        all.addAll(open);
        for (int i = 0; i < all.size(); i++) {
            Deal d = all.get(i);
            String channel = CHANNELS[i % CHANNELS.length];
            LocalDate start = (d.closedOn() != null ? d.closedOn() : today).minusDays(60 + random.nextInt(60));
            drafts.add(new CostDraft(CostKind.ACQUISITION, CostSubkind.CAMPAIGN, d.id(), null, channel,
                    money(random, 800, 6000), null, null, start, CostBasis.ALLOCATED, "展会/推广费用按线索分摊"));
            if (channel.equals("渠道代理")) {
                drafts.add(new CostDraft(CostKind.ACQUISITION, CostSubkind.CHANNEL_FEE, d.id(), null, channel,
                        money(random, 2000, 15000), null, null, start.plusDays(20), CostBasis.MEASURED, "渠道服务费"));
            }
            drafts.add(new CostDraft(CostKind.PRESALES, null, d.id(), null, channel, null,
                    BigDecimal.valueOf(4 + random.nextInt(36)).setScale(2), new BigDecimal(i % 2 == 0 ? "300" : "450"),
                    start.plusDays(15), CostBasis.MEASURED, "方案演示与技术交流"));
            drafts.add(new CostDraft(CostKind.TRAVEL, null, d.id(), null, channel, money(random, 300, 4000), null,
                    null, start.plusDays(25), CostBasis.MEASURED, "拜访差旅"));
            if (d.closedOn() != null) {
                boolean rush = i % 5 == 0;
                drafts.add(new CostDraft(CostKind.FULFILMENT, rush ? CostSubkind.EMERGENCY_FREIGHT : CostSubkind.SHIPPING,
                        d.id(), null, null, money(random, rush ? 1500 : 200, rush ? 6000 : 1500), null, null,
                        min(today, d.closedOn().plusDays(10)), CostBasis.MEASURED, rush ? "加急空运" : "物流运费"));
            }
        }
        new CostService(db, clock).recordAll(finance, ChangeReason.of(ChangeReason.Kind.DEMO, "demo finance"), drafts);
        return drafts.size();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static BigDecimal money(SplittableRandom random, int from, int to) {
        return BigDecimal.valueOf(from * 100L + random.nextLong((to - from) * 100L)).movePointLeft(2);
    }

    private record Deal(UUID id, LocalDate closedOn) {
    }

    /** Won deals with an amount (or open ones), in a repeatable order: by customer name, then deal name. */
    private List<Deal> deals(boolean won, int limit) {
        return db.transactionResult(cfg -> {
            List<Record3<UUID, java.time.OffsetDateTime, String>> rows = DSL.using(cfg)
                    .select(OPPORTUNITY.ID, OPPORTUNITY.CLOSED_AT, OPPORTUNITY.NAME)
                    .from(OPPORTUNITY).join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                    .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                    .where(OPPORTUNITY.DELETED_AT.isNull(), CUSTOMER.DELETED_AT.isNull(),
                            won ? OPPORTUNITY_STAGE.OUTCOME.eq("WON").and(OPPORTUNITY.AMOUNT.gt(BigDecimal.ONE))
                                    : OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"))
                    .orderBy(CUSTOMER.NAME, OPPORTUNITY.NAME, OPPORTUNITY.AMOUNT).limit(limit).fetch();
            return rows.stream().map(r -> new Deal(r.value1(), r.value2() == null ? null
                    : LocalDate.ofInstant(r.value2().toInstant(), BusinessTime.ZONE))).toList();
        });
    }
}
