package io.salesdesk.workflow.approval.flow;

import java.util.List;

/**
 * An approval flow as its owner drew it: nodes in order.
 *
 * @param nodes          the flow, first node first
 * @param skipSubmitter  a task whose approver is the submitter is approved by itself
 * @param skipRepeated   a task whose approver already approved this request is approved by itself
 * @param lockRecord     the record cannot be edited while the request is pending
 */
public record FlowDefinition(List<FlowNode> nodes, boolean skipSubmitter, boolean skipRepeated, boolean lockRecord) {

    public FlowDefinition {
        nodes = List.copyOf(nodes);
    }
}
