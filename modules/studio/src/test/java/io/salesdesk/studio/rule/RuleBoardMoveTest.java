package io.salesdesk.studio.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardFilter;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.CustomerCards;
import io.salesdesk.board.OpportunityCards;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.BoardCustomValues;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "move on a board" action: a deal moved on the pipeline gets the stage through the stage rules, a
 * customer moved on a board whose columns are a choice field gets the value; a refusal is the firing's
 * recorded failure, and a rule set off by the field its own move sets is refused as a loop.
 */
class RuleBoardMoveTest {

    /** The pipeline board every workspace has (销售漏斗, columns by stage). */
    static final UUID PIPELINE = UUID.fromString("0192f000-0000-7000-8000-000000000001");

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    AutomationRuleService rules;
    OpportunityService opportunities;
    BoardService boards;
    RuleRunner runner;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        rules = new AutomationRuleService(db, clock, fields, Locale.SIMPLIFIED_CHINESE);
        opportunities = new OpportunityService(db, clock);
        boards = new BoardService(db, clock, List.of(new OpportunityCards(opportunities, f.regions),
                new CustomerCards(f.customers, f.regions)), new BoardCustomValues(fields));
        runner = new RuleRunner(db, clock, new RuleActions(db, clock, Locale.SIMPLIFIED_CHINESE, new TaskService(db, clock),
                new EscalationService(db, clock), f.customers, fields, new RuleActions.Extras(null, null, null, null,
                boards)), fields, Locale.SIMPLIFIED_CHINESE);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AutomationRule save(RuleDefinition d) {
        return rules.save(f.zjManager.asActor(), null, 0, d);
    }

    private Opportunity deal(String name, String amount, LocalDate close) {
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        return opportunities.create(f.wang.asActor(), new OpportunityDraft(hospital, name, f.wang.id(), null,
                new BigDecimal(amount), close, null, null, null));
    }

    private String stageOf(UUID deal) {
        return opportunities.find(f.admin.asActor(), deal).orElseThrow().stage();
    }

    @Test
    void aBigNewDealIsMovedToTheQuoteColumnOfThePipelineThroughTheStageRules() {
        save(new RuleDefinition("大单直接进入报价", RuleDefinition.OPPORTUNITY, RuleTrigger.created(),
                RuleConditions.all(new RuleCondition("amount", RuleCondition.Operator.GT, "500000")),
                List.of(RuleAction.moveOnBoard(PIPELINE, "QUOTE")), true));
        Opportunity big = deal("检验科设备", "800000", null);

        assertThat(runner.runFor(RuleDefinition.OPPORTUNITY, big.id())).isEqualTo(1);

        assertThat(stageOf(big.id())).isEqualTo("QUOTE");
        assertThat(rules.runLog(null, 5)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RuleRun.Outcome.DONE);
            assertThat(run.actionsTaken()).isEqualTo("已移到看板「销售漏斗」的「报价」列");
        });
        assertThat(opportunities.history(f.admin.asActor(), big.id())).as("the audit trail has the stage change")
                .anySatisfy(e -> assertThat(e.changes().toString()).contains("QUOTE"));
    }

    @Test
    void aMoveTheStageRulesRefuseIsTheFiringsRecordedFailureWithTheReason() {
        save(new RuleDefinition("大单进入谈判", RuleDefinition.OPPORTUNITY, RuleTrigger.created(),
                RuleConditions.all(), List.of(RuleAction.moveOnBoard(PIPELINE, "NEGOTIATION")), true));
        Opportunity noDate = deal("检验科设备", "800000", null);

        assertThat(runner.runFor(RuleDefinition.OPPORTUNITY, noDate.id())).as("acted on, and failed").isEqualTo(1);

        assertThat(stageOf(noDate.id())).isEqualTo("INITIAL");
        assertThat(rules.runLog(null, 5)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RuleRun.Outcome.FAILED);
            assertThat(run.error()).isEqualTo("移到看板列: 不能移到看板「销售漏斗」的「商务谈判」列："
                    + "进入「商务谈判」阶段前需要填写预计成交日期");
        });
        assertThat(runner.runDue().fired()).as("a failed firing is not tried again").isZero();
    }

    @Test
    void aCustomerMovedOnABoardByAChoiceFieldGetsThatValueAndAlreadyThereIsLeftAlone() {
        Board attack = attackBoard();
        save(new RuleDefinition("A 类客户立项", RuleDefinition.CUSTOMER, RuleTrigger.created(),
                RuleConditions.all(new RuleCondition("tier", RuleCondition.Operator.EQ, "A")),
                List.of(RuleAction.moveOnBoard(attack.id(), "立项")), true));
        UUID hospital = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);

        assertThat(runner.runFor(RuleDefinition.CUSTOMER, hospital)).isEqualTo(1);

        assertThat(fields.values(CustomEntity.CUSTOMER, hospital)).containsEntry("attack_stage", "立项");
        assertThat(rules.runLog(null, 5)).singleElement().satisfies(run ->
                assertThat(run.actionsTaken()).isEqualTo("已移到看板「大客户攻坚」的「立项」列"));
    }

    @Test
    void aRuleSetOffByTheFieldItsOwnMoveSetsIsRefusedAsALoop() {
        Board attack = attackBoard();
        assertThatThrownBy(() -> save(new RuleDefinition("立项的客户留在立项", RuleDefinition.CUSTOMER,
                RuleTrigger.fieldChanged("custom.attack_stage", "立项"), RuleConditions.all(),
                List.of(RuleAction.moveOnBoard(attack.id(), "立项")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("rule.loop.rules");
                            assertThat(p.arguments()).containsExactly("立项的客户留在立项 → 立项的客户留在立项");
                        }));

        save(new RuleDefinition("A 类客户立项", RuleDefinition.CUSTOMER, RuleTrigger.fieldChanged("tier", "A"),
                RuleConditions.all(), List.of(RuleAction.moveOnBoard(attack.id(), "立项")), true));
        assertThatThrownBy(() -> save(new RuleDefinition("立项客户升 A", RuleDefinition.CUSTOMER,
                RuleTrigger.fieldChanged("custom.attack_stage", "立项"), RuleConditions.all(),
                List.of(RuleAction.setField("tier", "A")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.arguments())
                                .containsExactly("立项客户升 A → A 类客户立项 → 立项客户升 A")));
        assertThat(rules.rules()).extracting(AutomationRule::name).containsExactly("A 类客户立项");
    }

    @Test
    void aMoveMustNameABoardOfTheRulesRecords() {
        assertThatThrownBy(() -> save(new RuleDefinition("线索移动", RuleDefinition.LEAD, RuleTrigger.created(),
                RuleConditions.all(), List.of(RuleAction.moveOnBoard(PIPELINE, "QUOTE")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("rule.action.move.leads"));
        assertThatThrownBy(() -> save(new RuleDefinition("客户放到漏斗", RuleDefinition.CUSTOMER, RuleTrigger.created(),
                RuleConditions.all(), List.of(RuleAction.moveOnBoard(PIPELINE, "QUOTE")), true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("rule.action.move.board"));
    }

    /** A customer board whose columns are the choices of 攻坚阶段. */
    private Board attackBoard() {
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("攻坚阶段", "attack_stage",
                FieldType.SINGLE_CHOICE, List.of("立项", "技术交流", "商务谈判"), false, null, null));
        return boards.create(f.zjManager.asActor(), BoardKind.CUSTOMER, "大客户攻坚", new BoardDefinition(
                "custom.attack_stage", null, List.of(), BoardFilter.NONE, List.of()));
    }
}
