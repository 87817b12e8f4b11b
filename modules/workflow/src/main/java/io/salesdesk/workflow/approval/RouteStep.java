package io.salesdesk.workflow.approval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import java.util.List;
import java.util.UUID;

/**
 * A step of the route with its approvers, in the order they sign for {@link SignMode#SEQUENTIAL}.
 *
 * @param key          the flow step's id
 * @param name         e.g. 法务审核
 * @param mode         how the approvers decide
 * @param approvers    user ids, each once
 * @param timeout      when overdue and what happens then, as the flow said at submission; null for never
 */
public record RouteStep(String key, String name, SignMode mode, List<UUID> approvers, StepTimeout timeout)
        implements RouteNode {

    public RouteStep {
        approvers = List.copyOf(approvers);
    }

    /** Reads a stored route; routes planned before timeouts had settings kept only their hours. */
    @JsonCreator
    static RouteStep fromJson(@JsonProperty("key") String key, @JsonProperty("name") String name,
                              @JsonProperty("mode") SignMode mode, @JsonProperty("approvers") List<UUID> approvers,
                              @JsonProperty("timeout") StepTimeout timeout,
                              @JsonProperty("timeoutHours") Integer hoursOnly) {
        if (timeout == null && hoursOnly != null) {
            timeout = StepTimeout.remindAfter(hoursOnly);
        }
        return new RouteStep(key, name, mode, approvers, timeout);
    }
}
