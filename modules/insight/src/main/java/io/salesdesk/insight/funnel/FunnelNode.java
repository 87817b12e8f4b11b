package io.salesdesk.insight.funnel;

import java.util.Objects;
import java.util.UUID;

/**
 * One node of a funnel: a named micro-behaviour with its measure and threshold.
 *
 * @param id      id; null for a node not saved yet
 * @param order   position in the funnel, from 1
 * @param name    e.g. 演示前发送资料
 * @param measure what is measured and the threshold
 */
public record FunnelNode(UUID id, int order, String name, Measure measure) {

    public FunnelNode {
        Objects.requireNonNull(measure, "measure");
    }
}
