package io.salesdesk.workflow.approval;

import java.util.List;

/** Branches that run at the same time; the route goes on when every branch is approved. */
public record RouteParallel(List<List<RouteNode>> branches) implements RouteNode {

    public RouteParallel {
        branches = branches.stream().map(List::copyOf).toList();
    }
}
