package io.salesdesk.workflow.approval.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A step people sign.
 *
 * @param id            unique within the flow
 * @param name          what approvers and submitters read, e.g. 法务审核
 * @param approvers     who signs
 * @param mode          how several approvers decide
 * @param timeout       when the step is overdue and what happens then; null for never
 */
public record ApprovalStep(String id, String name, Approvers approvers, SignMode mode, StepTimeout timeout)
        implements FlowNode {

    public ApprovalStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(approvers, "approvers");
        mode = mode == null ? SignMode.ALL : mode;
    }

    /** Reads a stored step; flows saved before timeouts had settings kept only their hours. */
    @JsonCreator
    static ApprovalStep fromJson(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                 @JsonProperty("approvers") Approvers approvers, @JsonProperty("mode") SignMode mode,
                                 @JsonProperty("timeout") StepTimeout timeout,
                                 @JsonProperty("timeoutHours") Integer hoursOnly) {
        if (timeout == null && hoursOnly != null) {
            timeout = StepTimeout.remindAfter(hoursOnly);
        }
        return new ApprovalStep(id, name, approvers, mode, timeout);
    }
}
