package io.salesdesk.workflow.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a route stands given its steps' states: which steps should be active now (the first
 * unpassed step of each running sequence; every branch of a parallel split at once) and whether
 * the whole route has passed. A parallel split joins: the route goes past it when every branch
 * has passed.
 */
final class RouteProgress {

    private RouteProgress() {
    }

    /** The steps that should be active; empty when the route has passed. */
    static Set<String> frontier(Route route, Map<String, StepStatus> states) {
        Set<String> out = new LinkedHashSet<>();
        walk(route.nodes(), states, out);
        return out;
    }

    /** The step before {@code key} in its own sequence, if that node is a step; null otherwise. */
    static RouteStep previous(List<RouteNode> nodes, String key) {
        for (int i = 0; i < nodes.size(); i++) {
            RouteNode n = nodes.get(i);
            if (n instanceof RouteStep s && s.key().equals(key)) {
                return i > 0 && nodes.get(i - 1) instanceof RouteStep before ? before : null;
            }
            if (n instanceof RouteParallel p) {
                for (List<RouteNode> branch : p.branches()) {
                    if (contains(branch, key)) {
                        return previous(branch, key);
                    }
                }
            }
        }
        return null;
    }

    private static boolean contains(List<RouteNode> nodes, String key) {
        return new Route(nodes, false, false, false).steps().stream().anyMatch(s -> s.key().equals(key));
    }

    private static boolean walk(List<RouteNode> nodes, Map<String, StepStatus> states, Set<String> out) {
        for (RouteNode node : nodes) {
            if (node instanceof RouteStep step) {
                if (!states.getOrDefault(step.key(), StepStatus.WAITING).passed()) {
                    out.add(step.key());
                    return false;
                }
            } else if (node instanceof RouteParallel parallel) {
                boolean all = true;
                for (List<RouteNode> branch : parallel.branches()) {
                    all &= walk(branch, states, out);
                }
                if (!all) {
                    return false;
                }
            }
        }
        return true;
    }
}
