package io.salesdesk.workflow.approval;

import io.salesdesk.workflow.approval.flow.SignMode;
import java.util.List;
import java.util.UUID;

/**
 * A step of the route with its approvers, in the order they sign for {@link SignMode#SEQUENTIAL}.
 *
 * @param key          the flow step's id
 * @param name         e.g. 法务审核
 * @param mode         how the approvers decide
 * @param approvers    user ids, each once
 * @param timeoutHours hours until overdue; null for none
 */
public record RouteStep(String key, String name, SignMode mode, List<UUID> approvers, Integer timeoutHours)
        implements RouteNode {

    public RouteStep {
        approvers = List.copyOf(approvers);
    }
}
