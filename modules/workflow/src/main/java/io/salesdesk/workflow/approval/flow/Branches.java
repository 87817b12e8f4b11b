package io.salesdesk.workflow.approval.flow;

import java.util.List;
import java.util.Objects;

/**
 * A fork in the flow. Exclusive (条件分支): the first branch whose condition holds is taken, a
 * branch without condition being the "otherwise". Parallel (并行分支): every branch whose condition
 * holds runs at once and the flow goes on when all of them are approved.
 *
 * @param id        unique within the flow
 * @param exclusive true for a condition fork, false for a parallel split
 * @param branches  in priority order
 */
public record Branches(String id, boolean exclusive, List<Branch> branches) implements FlowNode {

    public Branches {
        Objects.requireNonNull(id, "id");
        branches = List.copyOf(branches);
    }
}
