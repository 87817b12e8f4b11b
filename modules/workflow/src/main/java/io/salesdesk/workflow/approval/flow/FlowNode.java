package io.salesdesk.workflow.approval.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One node of an approval flow: a step that people sign, or a set of branches (exclusive or
 * parallel) that each hold nodes of their own. Flows are data, stored as JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ApprovalStep.class, name = "step"),
        @JsonSubTypes.Type(value = Branches.class, name = "branches")
})
public sealed interface FlowNode permits ApprovalStep, Branches {

    /** Unique within its flow; running requests refer to steps by it. */
    String id();
}
