package io.salesdesk.dispatch;

import io.salesdesk.crm.lead.Lead;
import java.util.UUID;

/**
 * Where dispatch sent a lead and the facts that decided it, from which the explanation is worded.
 *
 * @param repId         the chosen rep; null when nobody could take the lead
 * @param flag          what a manager should look at, or null
 * @param match         how the rep's territory covers the lead's region
 * @param territory     the territory code that matched, null without a match
 * @param loadIndex     the rep's load index before this lead
 * @param lowestLoad    whether that load was the lowest among the candidates
 * @param industry      the industry the track record is for; null when the overall record was used
 * @param cycleDays     the rep's median days to win; NaN without a meaningful record
 * @param fastest       whether that cycle was the fastest among the candidates
 * @param winRate       the rep's win rate in that record
 * @param candidates    how many reps were weighed
 * @param tieBroken     whether another rep had the same score and waited less long
 */
public record Assignment(UUID leadId, UUID repId, String repName, Lead.AssignmentFlag flag, double score,
                         RegionMatch match, String territory, double loadIndex, boolean lowestLoad, String industry,
                         double cycleDays, boolean fastest, double winRate, int candidates, boolean tieBroken) {

    public boolean assigned() {
        return repId != null;
    }

    static Assignment nobody(UUID leadId) {
        return new Assignment(leadId, null, null, Lead.AssignmentFlag.NO_ELIGIBLE_REP, 0, RegionMatch.NONE, null, 0,
                false, null, Double.NaN, false, 0, 0, false);
    }
}
