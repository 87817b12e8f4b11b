package io.salesdesk.dispatch;

/**
 * How well a rep's track record suits a lead, from 0 to 1: half their win rate, half their close
 * cycle against the fastest rep weighed for the same lead. One-by-one dispatch and batch
 * re-balancing both use it, so a rep is judged alike whichever places the lead.
 */
public final class HistoryFit {

    /** The fit of a rep without a meaningful track record: neither favoured nor held back. */
    public static final double NEUTRAL = 0.5;
    /** The fastest cycle when no rep weighed has a meaningful record. */
    public static final double NO_CYCLE = Double.MAX_VALUE;

    private HistoryFit() {
    }

    /** The fastest median cycle among the reps' records for the industry, or {@link #NO_CYCLE}. */
    public static double fastestCycle(Iterable<RepCandidate> reps, String industry) {
        double fastest = NO_CYCLE;
        for (RepCandidate r : reps) {
            TrackRecord record = r.recordFor(industry);
            if (record.meaningful()) {
                fastest = Math.min(fastest, record.medianCycleDays());
            }
        }
        return fastest;
    }

    /** The fit of a record, given the fastest cycle among the reps weighed for the same lead. */
    public static double of(TrackRecord record, double fastestCycle) {
        if (!record.meaningful()) {
            return NEUTRAL;
        }
        double speed = fastestCycle == NO_CYCLE ? 1 : fastestCycle / Math.max(1, record.medianCycleDays());
        return 0.5 * record.winRate() + 0.5 * Math.min(1, speed);
    }
}
