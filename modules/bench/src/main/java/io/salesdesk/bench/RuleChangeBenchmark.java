package io.salesdesk.bench;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleCondition;
import io.salesdesk.studio.rule.RuleConditions;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.studio.rule.RuleRunner;
import io.salesdesk.studio.rule.RuleTrigger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 200 active automation rules evaluated on one record change (target ≤ 5 ms): what
 * {@link RuleRunner#runFor} does after a customer is saved. The rules mix "no activity" (several kinds
 * and days), "created" and "field changed to" triggers with conditions on built-in and custom fields;
 * the customer changed (tier D) matches at most the "any of" rules, which act on the first call only, so
 * the figure is the evaluation itself (read the rules, read the record once, test every rule).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RuleChangeBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RuleChangeBenchmark.class);
    static final int RULES = 200;

    private Database db;
    private RuleRunner runner;
    private UUID customer;

    @Setup(Level.Trial)
    public void open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.ruleChangeDir", "target/bench-rule-change"));
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        CustomFieldService fields = new CustomFieldService(db, clock);
        AutomationRuleService rules = new AutomationRuleService(db, clock, fields, Locale.SIMPLIFIED_CHINESE);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-rule benchmark workspace in {} (once)", RULES, dir.toAbsolutePath());
            demo.create(20260101L, 2000);
            User admin = new UserService(db, clock).byUsername("admin").orElseThrow();
            fields.define(admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "beds",
                    FieldType.NUMBER, List.of(), false, null, null));
            fields.define(admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", "level",
                    FieldType.SINGLE_CHOICE, List.of("三甲", "二甲", "一级"), false, null, null));
            for (int i = 0; i < RULES; i++) {
                rules.save(admin.asActor(), null, 0, rule(i));
            }
        }
        customer = db.transactionResult(cfg -> DSL.using(cfg)
                .select(io.salesdesk.db.jooq.Tables.CUSTOMER.ID).from(io.salesdesk.db.jooq.Tables.CUSTOMER)
                .where(io.salesdesk.db.jooq.Tables.CUSTOMER.TIER.eq("D"))
                .orderBy(io.salesdesk.db.jooq.Tables.CUSTOMER.ID).limit(1).fetchOne(0, UUID.class));
        runner = new RuleRunner(db, clock, new TaskService(db, clock), new EscalationService(db, clock),
                new CustomerService(db, clock, new RegionService(db)), fields, Locale.SIMPLIFIED_CHINESE);
    }

    /** Rule i: a trigger, and conditions on the tier, a custom field and the region (all of them or any). */
    private static RuleDefinition rule(int i) {
        RuleTrigger trigger = switch (i % 4) {
            case 0 -> RuleTrigger.noActivity(List.of("DEMO", "VISIT", "CALL").get(i % 3), 10 + i % 30);
            case 1 -> RuleTrigger.noActivity(null, 5 + i % 60);
            case 2 -> RuleTrigger.created();
            default -> RuleTrigger.fieldChanged("custom.level", "三甲");
        };
        RuleConditions conditions = new RuleConditions(i % 5 == 0 ? RuleConditions.Match.ANY : RuleConditions.Match.ALL,
                List.of(new RuleCondition("tier", RuleCondition.Operator.IN, List.of("A", "B", "C").get(i % 3)),
                        new RuleCondition("custom.beds", RuleCondition.Operator.GT, String.valueOf(100 + i)),
                        new RuleCondition("regionCode", RuleCondition.Operator.EQ, "330000")));
        return new RuleDefinition("基准规则 " + i, RuleDefinition.CUSTOMER, trigger, conditions,
                List.of(RuleAction.createTask("跟进{客户}", 3), RuleAction.notifyManager("{客户}需要关注")), true);
    }

    @Benchmark
    public int recordChanged() {
        return runner.runFor(customer);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
