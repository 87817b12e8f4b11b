package io.salesdesk.dispatch.rebalance;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.dispatch.RegionMatch;
import java.util.List;
import java.util.UUID;

/**
 * A proposed re-balance of a backlog of unassigned leads: where each lead would go and what that
 * does to every rep's load, shown to the manager as a before/after table to accept or reject as a
 * whole. Nothing changes until they accept.
 *
 * @param placements    one per backlog lead, in backlog order
 * @param loads         one per rep of the roster, in roster order
 * @param stdevBefore   population standard deviation of the available reps' load indexes now
 * @param stdevAfter    the same with the plan's leads added
 * @param placed        leads the plan gives to a rep
 * @param regionMatched placed leads whose rep's territory covers their region
 * @param totalFit      summed history fit (0 to 1 each, as dispatch weighs it) of the placed leads
 */
public record RebalancePlan(List<Placement> placements, List<RepLoad> loads, double stdevBefore, double stdevAfter,
                            int placed, int regionMatched, double totalFit) {

    public RebalancePlan {
        placements = List.copyOf(placements);
        loads = List.copyOf(loads);
    }

    /** Leads no rep can take: they stay in the backlog. */
    public int unplaced() {
        return placements.size() - placed;
    }

    /**
     * Where one lead would go.
     *
     * @param repId null when no rep can take the lead (flag {@code NO_ELIGIBLE_REP})
     * @param flag  what a manager should look at, as dispatch flags it, or null
     * @param fit   the rep's history fit for the lead; 0 when unplaced
     */
    public record Placement(UUID leadId, UUID repId, String repName, Lead.AssignmentFlag flag, RegionMatch match,
                            double fit) {

        public boolean placed() {
            return repId != null;
        }
    }

    /**
     * One rep's row of the before/after table.
     *
     * @param available  whether the rep takes leads at all (present, with a capacity); only these count in the spread
     * @param leadsAdded backlog leads the plan gives them
     * @param before     load index now; NaN without a capacity
     * @param after      load index with the plan's leads
     */
    public record RepLoad(UUID repId, String name, boolean available, int leadsAdded, double before, double after) {
    }
}
