package io.salesdesk.workflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ValidationException;
import io.salesdesk.workflow.approval.flow.AllOf;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.CelConditions;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.Operator;
import io.salesdesk.workflow.approval.flow.SignMode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions written in CEL: what they read, what they decide, and what the validator refuses. */
class ExpressionConditionTest {

    private static final Expression BIG_IN_ZHEJIANG =
            new Expression("amount > 500000.0 && regionCode.startsWith(\"33\")");

    @ParameterizedTest
    @CsvSource(textBlock = """
            600000.00, 330106, true
            500000.00, 330106, false
            600000.00, 310101, false
            """)
    void anAmountAndRegionExpressionReadsTheRecordsFields(String amount, String region, boolean holds) {
        assertThat(BIG_IN_ZHEJIANG.test(Map.of("amount", new BigDecimal(amount), "regionCode", region)))
                .isEqualTo(holds);
    }

    @Test
    void wholeNumbersCompareWithDecimalsAndIntegerLiterals() {
        assertThat(new Expression("discountPct > 15").test(Map.of("discountPct", new BigDecimal("20.00")))).isTrue();
        assertThat(new Expression("qty >= 3").test(Map.of("qty", 3))).isTrue();
    }

    @Test
    void aMissingFieldIsNullAndNeverMakesAComparisonHold() {
        Map<String, Object> noRegion = new HashMap<>();
        noRegion.put("amount", new BigDecimal("600000"));
        noRegion.put("regionCode", null);
        assertThat(BIG_IN_ZHEJIANG.test(noRegion)).isFalse();
        assertThat(BIG_IN_ZHEJIANG.test(Map.of())).isFalse();
        assertThat(new Expression("regionCode == null").test(Map.of())).isTrue();
        assertThat(new Expression("amount > 1.0 || tier == \"A\"").test(Map.of("tier", "A"))).isTrue();
    }

    @Test
    void aValueOfTheWrongKindMakesTheConditionFalseInsteadOfFailing() {
        assertThat(new Expression("amount > 500000.0").test(Map.of("amount", "a lot"))).isFalse();
        assertThat(new Expression("amount").test(Map.of("amount", new BigDecimal("1")))).isFalse();
    }

    @Test
    void idsAndTextAreStrings() {
        UUID owner = UUID.fromString("0190f000-0000-7000-8000-000000000001");
        assertThat(new Expression("ownerId == \"0190f000-0000-7000-8000-000000000001\"")
                .test(Map.of("ownerId", owner))).isTrue();
        assertThat(new Expression("source in [\"展会\", \"官网\"]").test(Map.of("source", "展会"))).isTrue();
    }

    @Test
    void anExpressionInsideAllOfIsTestedWithTheFieldTests() {
        AllOf both = new AllOf(List.of(new FieldTest("tier", Operator.EQ, "A"), new Expression("amount >= 100.0")));
        assertThat(both.test(Map.of("tier", "A", "amount", 100))).isTrue();
        assertThat(both.test(Map.of("tier", "B", "amount", 100))).isFalse();
    }

    @Test
    void theCompilerExplainsWhatIsWrong() {
        assertThat(CelConditions.problem("amount >")).get().asString().contains("1:");
        assertThat(CelConditions.problem("\"a\" + 1 == 2")).get().asString().contains("_+_");
        assertThat(CelConditions.problem("amount + 1")).get().asString().contains("not true or false");
        assertThat(CelConditions.problem("  ")).isPresent();
        assertThat(CelConditions.problem("x".repeat(CelConditions.MAX_LENGTH + 1))).isPresent();
        assertThat(CelConditions.problem(BIG_IN_ZHEJIANG.source())).isEmpty();
    }

    @Test
    void theValidatorRefusesAFlowWithABadExpressionAtItsFork() {
        FlowDefinition flow = flowWhen(new AllOf(List.of(new Expression("amount >> 5"))));
        assertThatThrownBy(() -> FlowValidator.check(flow))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("byAmount");
                            assertThat(p.messageKey()).isEqualTo("approval.flow.badExpression");
                            assertThat(p.arguments()).startsWith("大单", "amount >> 5");
                        }));
    }

    @Test
    void aFlowWithAGoodExpressionIsAcceptedAndSurvivesItsJson() {
        FlowDefinition flow = flowWhen(BIG_IN_ZHEJIANG);
        FlowValidator.check(flow);
        String json = ApprovalJson.write(flow);
        assertThat(json).contains("\"type\":\"expr\"");
        assertThat(ApprovalJson.flow(json)).isEqualTo(flow);
    }

    private static FlowDefinition flowWhen(io.salesdesk.workflow.approval.flow.Condition condition) {
        ApprovalStep gm = new ApprovalStep("gm", "总经理审批", Approvers.role("GM"), SignMode.ANY, null);
        return new FlowDefinition(List.of(new Branches("byAmount", true, List.of(
                new Branch("大单", condition, List.of(gm))))), true, false, true);
    }
}
