package io.salesdesk.workflow.approval.flow;

import java.util.List;

/**
 * One branch of a fork.
 *
 * @param name      what the designer shows, e.g. 金额超过 50 万
 * @param condition when the branch applies; null: always (the "otherwise" of a condition fork)
 * @param nodes     the nodes of the branch, in order
 */
public record Branch(String name, Condition condition, List<FlowNode> nodes) {

    public Branch {
        nodes = List.copyOf(nodes);
    }
}
