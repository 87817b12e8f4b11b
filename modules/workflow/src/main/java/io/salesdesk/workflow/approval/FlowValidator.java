package io.salesdesk.workflow.approval;

import io.salesdesk.core.Role;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.workflow.approval.flow.AllOf;
import io.salesdesk.workflow.approval.flow.AnyOf;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.CelConditions;
import io.salesdesk.workflow.approval.flow.Condition;
import io.salesdesk.workflow.approval.flow.Expression;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.FlowNode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a flow that cannot run: no step at all, a step without approvers, step ids used twice,
 * a fork without branches, an "otherwise" branch that is not last (the branches after it could
 * never be taken), a CEL expression that does not compile to true-or-false. Loops cannot be drawn:
 * a flow is a tree of nodes.
 */
final class FlowValidator {

    private FlowValidator() {
    }

    static void check(FlowDefinition flow) {
        List<FieldProblem> problems = problems(flow);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** What {@link #check} would refuse, each problem naming its node's id as the field ("nodes" for the whole flow). */
    static List<FieldProblem> problems(FlowDefinition flow) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int steps = walk(flow.nodes(), ids, problems);
        if (steps == 0) {
            problems.add(FieldProblem.of("nodes", "approval.flow.empty"));
        }
        return problems;
    }

    private static int walk(List<FlowNode> nodes, Set<String> ids, List<FieldProblem> problems) {
        int steps = 0;
        for (FlowNode node : nodes) {
            if (node.id() == null || node.id().isBlank() || !ids.add(node.id())) {
                problems.add(FieldProblem.of(String.valueOf(node.id()), "approval.flow.duplicateId", node.id()));
            }
            if (node instanceof ApprovalStep step) {
                steps++;
                checkApprovers(step, problems);
            } else if (node instanceof Branches fork) {
                if (fork.branches().isEmpty()) {
                    problems.add(FieldProblem.of(fork.id(), "approval.flow.noBranch"));
                }
                for (int i = 0; i < fork.branches().size(); i++) {
                    Branch branch = fork.branches().get(i);
                    if (fork.exclusive() && branch.condition() == null && i < fork.branches().size() - 1) {
                        problems.add(FieldProblem.of(fork.id(), "approval.flow.unreachable", branch.name()));
                    }
                    checkExpressions(fork, branch, branch.condition(), problems);
                    steps += walk(branch.nodes(), ids, problems);
                }
            }
        }
        return steps;
    }

    /** Compiles every CEL expression of the branch's condition, so a typo is refused when saving, not when submitting. */
    private static void checkExpressions(Branches fork, Branch branch, Condition condition,
                                         List<FieldProblem> problems) {
        if (condition instanceof Expression expr) {
            CelConditions.problem(expr.source()).ifPresent(why -> problems.add(
                    FieldProblem.of(fork.id(), "approval.flow.badExpression", branch.name(), expr.source(), why)));
        } else if (condition instanceof AllOf all) {
            all.conditions().forEach(c -> checkExpressions(fork, branch, c, problems));
        } else if (condition instanceof AnyOf any) {
            any.conditions().forEach(c -> checkExpressions(fork, branch, c, problems));
        }
    }

    private static void checkApprovers(ApprovalStep step, List<FieldProblem> problems) {
        if (!names(step.approvers())) {
            problems.add(FieldProblem.of(step.id(), "approval.flow.noApprover", step.name()));
        }
        StepTimeout timeout = step.timeout();
        if (timeout == null) {
            return;
        }
        if (timeout.hours() < 1 || (timeout.remindEveryHours() != null && timeout.remindEveryHours() < 1)) {
            problems.add(FieldProblem.of(step.id(), "approval.flow.badTimeout", step.name()));
        }
        if (timeout.action() == TimeoutAction.ALTERNATE
                && (timeout.alternate() == null || !names(timeout.alternate()))) {
            problems.add(FieldProblem.of(step.id(), "approval.flow.noAlternate", step.name()));
        }
    }

    /** Whether the approvers are said fully enough to be looked up. */
    private static boolean names(Approvers who) {
        String value = who.value();
        return switch (who.kind()) {
            case USER, RECORD_FIELD -> value != null && !value.isBlank();
            case ROLE -> value != null && Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(value));
            case MANAGER -> who.levels() >= 1;
            case REGION_HEAD -> true;
        };
    }
}
