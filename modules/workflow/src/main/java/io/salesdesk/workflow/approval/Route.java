package io.salesdesk.workflow.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * The resolved route of a request: nodes in order, and the flow's rules it runs by.
 *
 * @param skipSubmitter a task of the submitter's own is approved by itself
 * @param skipRepeated  a task of someone who already approved this request is approved by itself
 * @param lockRecord    the record is not editable while the request is pending
 */
public record Route(List<RouteNode> nodes, boolean skipSubmitter, boolean skipRepeated, boolean lockRecord) {

    public Route {
        nodes = List.copyOf(nodes);
    }

    /** Every step, depth first, in the order the route lists them. */
    public List<RouteStep> steps() {
        List<RouteStep> all = new ArrayList<>();
        collect(nodes, all);
        return all;
    }

    private static void collect(List<RouteNode> nodes, List<RouteStep> into) {
        for (RouteNode n : nodes) {
            if (n instanceof RouteStep s) {
                into.add(s);
            } else if (n instanceof RouteParallel p) {
                p.branches().forEach(b -> collect(b, into));
            }
        }
    }
}
