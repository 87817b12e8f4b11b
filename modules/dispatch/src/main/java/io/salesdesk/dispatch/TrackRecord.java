package io.salesdesk.dispatch;

/**
 * How a rep closed one kind of customer: deals won and lost and the median days from a deal's
 * creation to its win.
 *
 * @param medianCycleDays median days to win; NaN with no won deal
 */
public record TrackRecord(int won, int lost, double medianCycleDays) {

    /** Fewer closed deals than this say nothing about the rep; the overall record is used instead. */
    public static final int MEANINGFUL = 3;

    public static final TrackRecord NONE = new TrackRecord(0, 0, Double.NaN);

    public int closed() {
        return won + lost;
    }

    public double winRate() {
        return closed() == 0 ? 0 : (double) won / closed();
    }

    public boolean meaningful() {
        return closed() >= MEANINGFUL && !Double.isNaN(medianCycleDays);
    }
}
