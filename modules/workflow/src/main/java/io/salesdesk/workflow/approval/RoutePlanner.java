package io.salesdesk.workflow.approval;

import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.FlowNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves a flow for one submitted record: decides every condition on the record's field values,
 * keeps the branches that apply and names the approvers of each step. Pure: the same definition,
 * fields and directory give the same route, which is also what the simulator shows.
 */
public final class RoutePlanner {

    private final ApproverDirectory directory;

    public RoutePlanner(ApproverDirectory directory) {
        this.directory = directory;
    }

    /**
     * The route of a record submitted by {@code submitter}.
     *
     * @throws SalesDeskException {@code approval.noApprover} naming the step when a step that
     *                            applies has nobody to sign it (no one has the role, no manager
     *                            that far up, an empty user field)
     */
    public Route plan(FlowDefinition flow, Map<String, ?> fields, UUID submitter) {
        return new Route(plan(flow.nodes(), fields, submitter), flow.skipSubmitter(), flow.skipRepeated(),
                flow.lockRecord());
    }

    private List<RouteNode> plan(List<FlowNode> nodes, Map<String, ?> fields, UUID submitter) {
        List<RouteNode> route = new ArrayList<>();
        for (FlowNode node : nodes) {
            if (node instanceof ApprovalStep step) {
                route.add(new RouteStep(step.id(), step.name(), step.mode(),
                        approvers(step, fields, submitter), step.timeout()));
            } else if (node instanceof Branches fork) {
                List<List<RouteNode>> taken = new ArrayList<>();
                for (Branch branch : fork.branches()) {
                    if (branch.condition() == null || branch.condition().test(fields)) {
                        List<RouteNode> planned = plan(branch.nodes(), fields, submitter);
                        if (!planned.isEmpty()) {
                            taken.add(planned);
                        }
                        if (fork.exclusive()) {
                            break;
                        }
                    }
                }
                if (taken.size() == 1) {
                    route.addAll(taken.get(0));
                } else if (!taken.isEmpty()) {
                    route.add(new RouteParallel(taken));
                }
            }
        }
        return route;
    }

    private List<UUID> approvers(ApprovalStep step, Map<String, ?> fields, UUID submitter) {
        return resolve(step.approvers(), step.name(), fields, submitter);
    }

    /**
     * The users that {@code who} names for a record submitted by {@code submitter}, each once.
     *
     * @throws SalesDeskException {@code approval.noApprover} naming {@code stepName} when nobody is found
     */
    public List<UUID> resolve(Approvers who, String stepName, Map<String, ?> fields, UUID submitter) {
        Set<UUID> found = new LinkedHashSet<>();
        switch (who.kind()) {
            case USER -> directory.byLogin(who.value()).ifPresent(found::add);
            case ROLE -> found.addAll(role(who.value()).map(directory::withRole).orElse(List.of()));
            case MANAGER -> {
                Optional<UUID> manager = Optional.of(submitter);
                for (int i = 0; i < Math.max(1, who.levels()) && manager.isPresent(); i++) {
                    manager = directory.managerOf(manager.get());
                }
                manager.ifPresent(found::add);
            }
            case REGION_HEAD -> {
                String field = who.value() == null || who.value().isBlank() ? "regionCode" : who.value();
                Object region = fields.get(field);
                if (region != null && !region.toString().isBlank()) {
                    directory.headOfRegion(region.toString().trim()).ifPresent(found::add);
                }
            }
            case RECORD_FIELD -> {
                Object value = fields.get(who.value());
                uuid(value).filter(directory::isActive).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            throw new SalesDeskException("approval.noApprover", stepName);
        }
        return List.copyOf(found);
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(Object value) {
        if (value instanceof UUID id) {
            return Optional.of(id);
        }
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
