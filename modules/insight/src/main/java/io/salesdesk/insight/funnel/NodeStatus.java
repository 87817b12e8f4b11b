package io.salesdesk.insight.funnel;

/** Where a deal stands on a node: passed, missed the threshold, or not decided yet. */
public enum NodeStatus {
    PASSED, MISSED, PENDING
}
