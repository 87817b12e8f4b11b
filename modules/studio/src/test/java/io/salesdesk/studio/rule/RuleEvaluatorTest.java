package io.salesdesk.studio.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-memory test of one record after a save agrees with the SQL the minute scan runs: the same
 * rules, the same customers, the same matches.
 */
class RuleEvaluatorTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    CustomFieldService fields;
    List<UUID> customers;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "beds",
                FieldType.NUMBER, List.of(), false, null, null));
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("科室", "depts",
                FieldType.MULTI_CHOICE, List.of("检验科", "影像科", "急诊"), false, null, null));
        fields.define(f.admin.asActor(), CustomEntity.CUSTOMER, new CustomFieldDraft("备注", "remark",
                FieldType.TEXT, List.of(), false, null, null));
        UUID a = f.customer(f.wang, "浙江省中医院", Tier.A, SalesOrgFixture.XIHU, null);
        UUID b = f.customer(f.li, "杭州市第一人民医院", Tier.B, SalesOrgFixture.HANGZHOU, null);
        UUID c = f.customer(f.zhang, "苏州大学附属医院", Tier.C, SalesOrgFixture.SUZHOU, null);
        UUID pool = f.customer(null, "公海里的医院", Tier.A, SalesOrgFixture.XIHU, null);
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, a, Map.of("beds", "1200", "depts", "检验科\n急诊"));
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, b, Map.of("beds", "300", "remark", "重点"));
        fields.setValues(f.admin.asActor(), CustomEntity.CUSTOMER, c, Map.of("depts", "影像科"));
        clock.advance(Duration.ofDays(25));
        f.customers.logFollowUp(f.wang.asActor(), a, new ActivityDraft(ActivityKind.DEMO,
                Rows.now(clock).minusDays(3), null, 60, "演示", null, null, null));
        f.customers.logFollowUp(f.li.asActor(), b, new ActivityDraft(ActivityKind.VISIT,
                Rows.now(clock).minusDays(1), null, 60, "拜访", null, null, null));
        customers = List.of(a, b, c, pool);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tier          | EQ        | A
            tier          | NE        | A
            tier          | IN        | A,C
            name          | CONTAINS  | 人民
            regionCode    | EQ        | 330000
            regionCode    | NE        | 330100
            industry      | EMPTY     |
            custom.beds   | GT        | 500
            custom.beds   | LT        | 500
            custom.beds   | NE        | 300
            custom.beds   | EMPTY     |
            custom.depts  | IN        | 急诊,影像科
            custom.remark | NOT_EMPTY |
            custom.remark | NE        | 重点
            """)
    void oneRecordInMemoryMatchesWhatTheScanFinds(String field, RuleCondition.Operator op, String value) {
        RuleCondition condition = new RuleCondition(field, op, value);
        for (RuleTrigger trigger : List.of(RuleTrigger.noActivity("DEMO", 20), RuleTrigger.noActivity(null, 2),
                RuleTrigger.created())) {
            for (RuleAction action : List.of(RuleAction.notifyOwner("看看{客户}"), RuleAction.setField("tier", "B"))) {
                assertAgree(new RuleDefinition("对照", RuleDefinition.CUSTOMER, trigger, RuleConditions.all(condition),
                        List.of(action), true));
            }
        }
    }

    @Test
    void anyOfSeveralConditionsAgreesToo() {
        assertAgree(new RuleDefinition("对照", RuleDefinition.CUSTOMER, RuleTrigger.noActivity("VISIT", 20),
                new RuleConditions(RuleConditions.Match.ANY, List.of(
                        new RuleCondition("tier", RuleCondition.Operator.EQ, "C"),
                        new RuleCondition("custom.beds", RuleCondition.Operator.GT, "1000"))),
                List.of(RuleAction.notifyOwner("看看")), true));
    }

    private void assertAgree(RuleDefinition definition) {
        OffsetDateTime now = Rows.now(clock);
        List<CustomField> all = fields.fields(CustomEntity.CUSTOMER);
        AutomationRule rule = new AutomationRule(UUID.randomUUID(), definition, now.minusDays(30), null, null, null,
                null, now, 1);
        Set<UUID> bySql = db.transactionResult(cfg -> RuleMatchRepository.using(cfg).due(rule, all, now, 100))
                .stream().map(RuleMatch::recordId).collect(Collectors.toSet());
        RuleRunner runner = new RuleRunner(db, clock, new TaskService(db, clock), new EscalationService(db, clock),
                f.customers, fields, Locale.SIMPLIFIED_CHINESE);
        Set<UUID> inMemory = customers.stream()
                .filter(id -> !runner.evaluate(List.of(rule), all, RuleEntity.CUSTOMER_ENTITY, id, now).isEmpty()).collect(Collectors.toSet());
        assertThat(inMemory).as(definition.trigger() + " " + definition.conditions() + " " + definition.actions())
                .isEqualTo(bySql);
    }
}
