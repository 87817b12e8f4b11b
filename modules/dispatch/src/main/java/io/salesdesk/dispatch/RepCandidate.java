package io.salesdesk.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rep as dispatch weighs them, read once for a batch of leads.
 *
 * @param territories       region codes at province, city or county level
 * @param monthlyCapacity   weighted work a month the rep can take
 * @param away              on leave or otherwise unavailable today
 * @param lastAssignedAt    when they last got a lead; null for never (ties go to the longest wait)
 * @param byIndustry        track record per industry code
 * @param overall           track record over every industry
 */
public record RepCandidate(UUID userId, String name, List<String> territories, int monthlyCapacity,
                           int openLeads, int overdueFollowUps, int openTasks, boolean away, Instant lastAssignedAt,
                           Map<String, TrackRecord> byIndustry, TrackRecord overall) {

    /** Whether the rep takes leads at all: present and with a capacity. */
    public boolean available() {
        return !away && monthlyCapacity > 0;
    }

    /** The record that speaks for this industry: the industry's if meaningful, else the overall one. */
    public TrackRecord recordFor(String industry) {
        TrackRecord specific = industry == null ? null : byIndustry.get(industry);
        return specific != null && specific.meaningful() ? specific : overall;
    }

    /** The best match of any territory of this rep for the region, and that territory. */
    public Match bestMatch(String regionCode) {
        RegionMatch best = RegionMatch.NONE;
        String via = null;
        for (String t : territories) {
            RegionMatch m = RegionMatch.of(t, regionCode);
            if (m.score() > best.score()) {
                best = m;
                via = t;
            }
        }
        return new Match(best, via);
    }

    /** A region match and the territory that gives it. */
    public record Match(RegionMatch level, String territory) {
    }
}
