package io.salesdesk.app.flowdesigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FieldTest;
import io.salesdesk.workflow.approval.flow.FlowNode;
import io.salesdesk.workflow.approval.flow.Operator;

/** The designer's edits on the seed contract flow, without any UI. */
class FlowDraftTest {

    private final FlowDraft draft = new FlowDraft("合同审批", DemoApprovalFlows.contractFlow());

    @Test
    void aStepAddedInABranchGetsAFreshIdAndLandsAtTheSlot() {
        ApprovalStep added = draft.addStep(Slot.inBranch("byAmount", 1, 1), "财务复核");

        assertThat(added.id()).isEqualTo("step1");
        assertThat(draft.branch("byAmount", 1).orElseThrow().nodes()).extracting(FlowNode::id)
                .containsExactly("manager", "step1");
        assertThat(draft.find("step1")).contains(added);
    }

    @Test
    void aConditionForkKeepsItsOtherwiseBranchLastWhenABranchIsAdded() {
        Branches fork = draft.addFork(Slot.main(0), true, "条件 1", "其他情况");

        int index = draft.addBranch(fork.id(), "条件 2");

        assertThat(index).isEqualTo(1);
        Branches now = (Branches) draft.find(fork.id()).orElseThrow();
        assertThat(now.branches()).extracting(Branch::name).containsExactly("条件 1", "条件 2", "其他情况");
        assertThat(draft.definition().nodes().get(0).id()).isEqualTo(fork.id());
    }

    @Test
    void moveSwapsWithinTheSameListAndStopsAtItsEnds() {
        draft.addStep(Slot.main(1), "总经理复核");

        assertThat(draft.move("step1", -1)).isTrue();
        assertThat(draft.definition().nodes()).extracting(FlowNode::id).containsExactly("step1", "byAmount");
        assertThat(draft.move("step1", -1)).isFalse();
        assertThat(draft.move("legal", 1)).as("alone in its branch").isFalse();
    }

    @Test
    void removingANodeOrTheLastBranchOfAForkTakesItOut() {
        draft.remove("finance");
        assertThat(draft.find("finance")).isEmpty();
        assertThat(draft.branch("bigDeal", 1).orElseThrow().nodes()).isEmpty();

        draft.removeBranch("bigDeal", 2);
        draft.removeBranch("bigDeal", 1);
        draft.removeBranch("bigDeal", 0);

        assertThat(draft.find("bigDeal")).isEmpty();
        assertThat(draft.find("gm")).isEmpty();
        assertThat(draft.find("manager")).isPresent();
    }

    @Test
    void replacingAStepAndABranchChangesOnlyThemAndTellsTheListeners() {
        AtomicInteger changes = new AtomicInteger();
        draft.onChange(changes::incrementAndGet);
        ApprovalStep manager = (ApprovalStep) draft.find("manager").orElseThrow();

        draft.replace(new ApprovalStep("manager", "上级审批", Approvers.manager(2), manager.mode(), null));
        Branch big = draft.branch("byAmount", 0).orElseThrow();
        draft.replaceBranch("byAmount", 0, new Branch(big.name(), new FieldTest("amount", Operator.GE, "800000"),
                big.nodes()));

        assertThat(changes).hasValue(2);
        assertThat(((ApprovalStep) draft.find("manager").orElseThrow()).approvers()).isEqualTo(Approvers.manager(2));
        assertThat(draft.branch("byAmount", 0).orElseThrow().condition())
                .isEqualTo(new FieldTest("amount", Operator.GE, "800000"));
        assertThat(draft.find("legal")).isPresent();
    }

    @Test
    void movingABranchChangesItsPriority() {
        assertThat(draft.moveBranch("bigDeal", 0, 1)).isTrue();

        assertThat(((Branches) draft.find("bigDeal").orElseThrow()).branches()).extracting(Branch::name)
                .isEqualTo(List.of("财务风控", "法务审核", "总经理审批"));
        assertThat(draft.moveBranch("bigDeal", 2, 1)).isFalse();
    }
}
