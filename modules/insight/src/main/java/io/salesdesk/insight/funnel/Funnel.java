package io.salesdesk.insight.funnel;

import java.util.List;
import java.util.UUID;

/**
 * A funnel definition: which deals it applies to and its ordered nodes.
 *
 * @param id            id; null for a funnel not saved yet
 * @param name          e.g. 医疗设备演示销售
 * @param productFilter deals whose products contain this text; null for every deal
 * @param enabled       whether the scan evaluates it and sends prompts
 * @param version       optimistic-locking version; 0 for a new funnel
 * @param nodes         nodes in order
 */
public record Funnel(UUID id, String name, String productFilter, boolean enabled, long version,
                     List<FunnelNode> nodes) {

    public Funnel {
        nodes = List.copyOf(nodes);
    }
}
