package io.salesdesk.studio.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automation rules on a real HSQLDB (and PostgreSQL in the subclass): triggers, conditions, actions, run log. */
class RuleRunnerTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    TaskService tasks;
    EscalationService escalations;
    NotificationService inbox;
    AutomationRuleService rules;
    RuleRunner runner;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        tasks = new TaskService(db, clock);
        escalations = new EscalationService(db, clock);
        inbox = new NotificationService(db, clock);
        rules = new AutomationRuleService(db, clock, fields, Locale.SIMPLIFIED_CHINESE);
        runner = runner();
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private RuleRunner runner() {
        return new RuleRunner(db, clock, tasks, escalations, f.customers, fields, Locale.SIMPLIFIED_CHINESE);
    }

    private void days(int n) {
        clock.advance(Duration.ofDays(n));
    }

    private void demo(UUID customer) {
        f.customers.logFollowUp(f.wang.asActor(), customer, new ActivityDraft(ActivityKind.DEMO, Rows.now(clock), null,
                60, "现场演示", null, null, null));
    }

    private List<Task> openTasksOfWang() {
        return tasks.myOpen(f.wang.asActor(), 100);
    }

    private List<Notification> ruleMessages(io.salesdesk.crm.User user) {
        return inbox.inbox(user.asActor()).stream().filter(n -> n.kind().equals(RuleRunner.NOTIFY_KIND)).toList();
    }

    @Test
    void theGoalsRuleGivesTheOwnerATaskAndTellsTheManagerOnceWhateverTheRunsAndClients() {
        UUID demoed = f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID forgotten = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        f.customer(f.wang, "西湖区社区卫生中心", Tier.B, SalesOrgFixture.XIHU, null);
        f.customer(null, "公海里的 A 类医院", Tier.A, SalesOrgFixture.XIHU, null);
        rules.addSuggestion(f.zjManager.asActor(), RuleSuggestions.DEMO_20);

        days(10);
        demo(demoed);
        assertThat(runner.runDue().fired()).as("no customer is 20 days old yet").isZero();

        // The app was closed for eleven days: the first run catches up.
        days(11);
        assertThat(runner.runDue().fired()).as("not the pool's customer: nobody owns it").isEqualTo(1);
        assertThat(runner().runDue().fired()).as("a second client finds the firing and does nothing").isZero();
        assertThat(runner.runDue().fired()).isZero();

        List<Task> created = openTasksOfWang();
        assertThat(created).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("为「浙江省中医院」安排技术演示");
            assertThat(t.customerId()).isEqualTo(forgotten);
            assertThat(t.assigneeId()).isEqualTo(f.wang.id());
            assertThat(t.dueAt().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        });
        assertThat(ruleMessages(f.zjManager)).singleElement().satisfies(n -> {
            assertThat(n.body()).contains("浙江省中医院", "20 天");
            assertThat(n.subjectId()).isEqualTo(forgotten);
        });
        assertThat(ruleMessages(f.wang)).as("the owner hears of it through the task").isEmpty();
        assertThat(rules.runLog(null, 10)).singleElement().satisfies(run -> {
            assertThat(run.recordLabel()).isEqualTo("浙江省中医院");
            assertThat(run.outcome()).isEqualTo(RuleRun.Outcome.DONE);
            assertThat(run.actionsTaken()).contains("创建任务「为「浙江省中医院」安排技术演示」", "已通知主管");
        });
    }

    @Test
    void afterItsFirstFullScanANoActivityRuleStillFindsRecordsThatLapseOrComeToMatchLater() {
        rules.addSuggestion(f.zjManager.asActor(), RuleSuggestions.DEMO_20);
        UUID silent = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID demoedOnce = f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID upgraded = f.customer(f.wang, "西湖区社区卫生中心", Tier.B, SalesOrgFixture.XIHU, null);
        assertThat(runner.runDue().fired()).as("the first, complete scan: nothing lapsed yet").isZero();
        days(5);
        demo(demoedOnce);
        days(16);
        assertThat(runner.runDue().fired()).as("only the customer created 21 days ago has lapsed").isEqualTo(1);
        days(5);
        assertThat(runner.runDue().fired()).as("the demo of 21 days ago crossed the cutoff since").isEqualTo(1);
        upgrade(upgraded, Tier.A);
        assertThat(runner.runDue().fired()).as("lapsed long ago, tier A only now: read from the change log")
                .isEqualTo(1);
        assertThat(runner.runDue().fired()).isZero();
        assertThat(rules.runLog(null, 10)).extracting(RuleRun::recordId)
                .containsExactlyInAnyOrder(upgraded, demoedOnce, silent);
    }

    @Test
    void aRecordJustSavedIsActedOnAtOnceAndTheMinuteRunDoesNotActAgain() {
        rules.save(f.zjManager.asActor(), null, 0, new RuleDefinition("新 A 类客户通知负责人", RuleDefinition.CUSTOMER,
                RuleTrigger.created(), RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.EQ, "A")),
                List.of(RuleAction.notifyOwner("新客户{客户}请尽快拜访")), true));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID other = f.customer(f.wang, "西湖区社区卫生中心", Tier.B, SalesOrgFixture.XIHU, null);

        assertThat(runner.runFor(hospital)).isEqualTo(1);
        assertThat(runner.runFor(other)).isZero();
        assertThat(runner.runFor(hospital)).isZero();
        assertThat(runner.runDue().fired()).isZero();
        assertThat(ruleMessages(f.wang)).singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("新客户浙江省中医院请尽快拜访"));
    }

    @Test
    void aRuleDoesNotCreateTheSameTaskAgainWhileTheFirstIsOpen() {
        UUID forgotten = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        rules.addSuggestion(f.zjManager.asActor(), RuleSuggestions.DEMO_20);
        days(21);
        runner.runDue();
        // A demo, then 20 more days without one: a new lapse, but the first task is still open.
        demo(forgotten);
        days(21);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(openTasksOfWang()).hasSize(1);
        assertThat(rules.runLog(null, 10).get(0).actionsTaken()).contains("未重复创建");

        Task first = openTasksOfWang().get(0);
        tasks.move(f.wang.asActor(), first.id(), first.version(), TaskStatus.DONE, null);
        demo(forgotten);
        days(21);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(openTasksOfWang()).as("the first task is done: the next lapse gets a new one").hasSize(1)
                .allSatisfy(t -> assertThat(t.id()).isNotEqualTo(first.id()));
    }

    @Test
    void testModeCountsAndListsTheMatchesWithoutActing() {
        f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        f.customer(f.zhang, "苏州大学附属医院", Tier.C, SalesOrgFixture.SUZHOU, null);
        f.customer(f.li, "萧山区卫生院", Tier.C, SalesOrgFixture.HANGZHOU, null);
        days(30);
        RuleDefinition aOrSuzhou = new RuleDefinition("A 类或苏州 30 天未拜访", RuleDefinition.CUSTOMER,
                RuleTrigger.noActivity("VISIT", 30), new RuleConditions(RuleConditions.Match.ANY, List.of(
                        new RuleCondition("tier", RuleCondition.Operator.EQ, "A"),
                        new RuleCondition("regionCode", RuleCondition.Operator.EQ, "320000"))),
                List.of(RuleAction.notifyOwner("请拜访{客户}")), true);

        RuleTest test = rules.test(aOrSuzhou, 2);

        assertThat(test.count()).isEqualTo(3);
        assertThat(test.first()).extracting(RuleMatch::label).hasSize(2);
        assertThat(rules.rules()).isEmpty();
        assertThat(inbox.inbox(f.wang.asActor())).isEmpty();
        assertThat(rules.test(aOrSuzhou.withConditions(RuleConditions.all(
                new RuleCondition("tier", RuleCondition.Operator.EQ, "A"),
                new RuleCondition("regionCode", RuleCondition.Operator.EQ, "320000"))), 5).count())
                .as("all conditions: tier A and in Jiangsu").isZero();
        assertThat(rules.test(new RuleDefinition(null, RuleDefinition.CUSTOMER, RuleTrigger.noActivity(null, 30),
                RuleConditions.all(), List.of(), false), 5).count())
                .as("a rule without a name or actions yet can be tested").isEqualTo(4);
    }

    @Test
    void aFieldChangedToRuleActsOnceOnChangesMadeAfterItWasSwitchedOn() {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.B, SalesOrgFixture.XIHU, null);
        upgrade(hospital, Tier.A);
        rules.save(f.zjManager.asActor(), null, 0, new RuleDefinition("升为 A 类通知负责人", RuleDefinition.CUSTOMER,
                RuleTrigger.fieldChanged("tier", "A"), RuleConditions.all(),
                List.of(RuleAction.notifyOwner("{客户} 已升为 A 类，请安排技术演示")), true));
        assertThat(runner.runDue().fired()).as("the change before the rule existed").isZero();

        upgrade(hospital, Tier.B);
        upgrade(hospital, Tier.A);
        assertThat(runner.runDue().fired()).isEqualTo(1);
        assertThat(runner.runDue().fired()).isZero();
        assertThat(ruleMessages(f.wang)).singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("浙江省中医院 已升为 A 类，请安排技术演示"));
    }

    @Test
    void aCustomFieldChangedToAValueGivesTheOwnerATask() {
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("合作阶段", "stage",
                FieldType.SINGLE_CHOICE, List.of("接触", "试用", "签约"), false, null, null));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.B, SalesOrgFixture.XIHU, null);
        rules.save(f.zjManager.asActor(), null, 0, new RuleDefinition("进入试用安排培训", RuleDefinition.CUSTOMER,
                RuleTrigger.fieldChanged("custom.stage", "试用"), RuleConditions.all(),
                List.of(RuleAction.createTask("为{客户}安排试用培训", 2)), true));

        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, hospital, Map.of("stage", "接触"));
        assertThat(runner.runDue().fired()).isZero();
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, hospital, Map.of("stage", "试用"));
        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(openTasksOfWang()).extracting(Task::title).containsExactly("为浙江省中医院安排试用培训");
    }

    @Test
    void aCreatedRuleWithACustomFieldConditionSetsAFieldAndEscalatesOnNewCustomersOnly() {
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", "hospital_level",
                FieldType.SINGLE_CHOICE, List.of("三甲", "二甲"), false, null, null));
        UUID before = f.customer(f.wang, "杭州市第一人民医院", Tier.C, SalesOrgFixture.XIHU, null);
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, before, Map.of("hospital_level", "三甲"));
        days(1);
        rules.save(f.admin.asActor(), null, 0, new RuleDefinition("三甲新客户升 A 并督办", RuleDefinition.CUSTOMER,
                RuleTrigger.created(), RuleConditions.all(
                        new RuleCondition("custom.hospital_level", RuleCondition.Operator.EQ, "三甲")),
                List.of(RuleAction.setField("tier", "A"), RuleAction.escalate("新三甲客户{客户}需主管关注")), true));
        days(1);
        UUID second = f.customer(f.wang, "浙江省人民医院", Tier.C, SalesOrgFixture.XIHU, null);
        UUID third = f.customer(f.wang, "余杭区二院", Tier.C, SalesOrgFixture.XIHU, null);
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, second, Map.of("hospital_level", "三甲"));
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, third, Map.of("hospital_level", "二甲"));

        assertThat(runner.runDue().fired()).isEqualTo(1);

        assertThat(tier(second)).isEqualTo(Tier.A);
        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(second));
        assertThat(trail)
                .filteredOn(e -> e.operation() == ChangeEntry.Operation.UPDATE && e.changes().containsKey("tier"))
                .extracting(ChangeEntry::reasonKind, ChangeEntry::reasonDetail)
                .as("the audit trail names the rule that raised the tier")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RULE", "三甲新客户升 A 并督办"));
        assertThat(tier(before)).as("created before the rule was switched on").isEqualTo(Tier.C);
        assertThat(tier(third)).isEqualTo(Tier.C);
        assertThat(escalations.activeSubjects(RuleRunner.ESCALATION_KIND, 10)).containsExactly(second);
    }

    @Test
    void aRuleThatWouldSetItselfOffIsRefusedWithTheRulesOnTheLoop() {
        assertThatThrownBy(() -> rules.save(f.admin.asActor(), null, 0, new RuleDefinition("自循环",
                RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("tier", "A"), RuleConditions.all(),
                List.of(RuleAction.setField("tier", "B")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("rule.loop")));

        rules.save(f.admin.asActor(), null, 0, new RuleDefinition("A 类设为检验机构", RuleDefinition.CUSTOMER,
                RuleTrigger.fieldChanged("tier", "A"), RuleConditions.all(),
                List.of(RuleAction.setField("industry", "LAB")), true));
        assertThatThrownBy(() -> rules.save(f.admin.asActor(), null, 0, new RuleDefinition("检验机构升 A",
                RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("industry", "LAB"), RuleConditions.all(),
                List.of(RuleAction.setField("tier", "A")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("rule.loop.rules");
                            assertThat(p.arguments()).containsExactly("检验机构升 A → A 类设为检验机构 → 检验机构升 A");
                        }));
    }

    @Test
    void aRuleWhoseCustomFieldWasRetiredIsSwitchedOffWithTheReasonOnce() {
        var level = fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级",
                "hospital_level", FieldType.SINGLE_CHOICE, List.of("三甲", "二甲"), false, null, null));
        rules.save(f.admin.asActor(), null, 0, new RuleDefinition("三甲 30 天未拜访", RuleDefinition.CUSTOMER,
                RuleTrigger.noActivity("VISIT", 30), RuleConditions.all(
                        new RuleCondition("custom.hospital_level", RuleCondition.Operator.EQ, "三甲")),
                List.of(RuleAction.notifyOwner("请拜访{客户}")), true));
        fields.retire(f.admin.asActor(), level.id(), level.version());

        assertThat(runner.runDue().failedRules()).containsExactly("三甲 30 天未拜访");
        assertThat(rules.rules()).singleElement().satisfies(r -> {
            assertThat(r.enabled()).isFalse();
            assertThat(r.disabledReason()).contains("custom.hospital_level", "已自动停用");
        });
        assertThat(runner.runDue().failedRules()).as("switched off, it is not tried again").isEmpty();
    }

    @Test
    void eachSaveKeepsAVersionAndARepMayNotBuildRules() {
        AutomationRule added = rules.addSuggestion(f.admin.asActor(), RuleSuggestions.DEMO_20);
        AutomationRule off = rules.setEnabled(f.admin.asActor(), added, false);
        assertThat(off.version()).isEqualTo(2);
        assertThat(rules.rules()).singleElement().satisfies(r -> assertThat(r.enabled()).isFalse());
        assertThat(rules.suggestions()).singleElement().satisfies(s -> assertThat(s.added()).isTrue());
        assertThatThrownBy(() -> rules.save(f.wang.asActor(), null, 0, added.definition()))
                .isInstanceOfSatisfying(io.salesdesk.core.SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rule.notAllowed"));
    }

    private void upgrade(UUID id, Tier tier) {
        Customer c = f.customers.open(f.admin.asActor(), id).orElseThrow().customer();
        CustomerDraft d = c.toDraft();
        f.customers.update(f.admin.asActor(), id, c.version(), new CustomerDraft(d.name(), d.creditCode(), tier,
                d.industry(), d.regionCode(), d.address(), d.phone(), d.ownerId()));
    }

    private Tier tier(UUID id) {
        return f.customers.open(f.admin.asActor(), id).orElseThrow().customer().tier();
    }
}
