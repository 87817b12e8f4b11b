package io.salesdesk.insight.funnel;

import java.util.List;

/**
 * What the funnel view shows for one funnel, over the deals the viewer sees.
 *
 * @param nodes  conversion per node, in funnel order
 * @param reps   passed and missed per rep and node
 * @param missed deals that missed a node, with the data
 */
public record FunnelFigures(Funnel funnel, List<NodeConversion> nodes, List<RepConversion> reps,
                            List<MissedNode> missed) {

    /** True when no deal has been evaluated yet: the view says "no data" and why. */
    public boolean empty() {
        return nodes.stream().allMatch(n -> n.passed() + n.missed() + n.pending() == 0);
    }
}
