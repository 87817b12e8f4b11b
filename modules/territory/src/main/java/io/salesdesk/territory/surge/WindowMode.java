package io.salesdesk.territory.surge;

/** How the recent window and its baseline are cut. */
public enum WindowMode {
    /**
     * The last {@code windowDays} days up to now against the previous equal windows (a rolling
     * week against the four weeks before it).
     */
    ROLLING,
    /**
     * Today so far against the same weekday up to the same time in the previous weeks, for
     * businesses whose inquiries follow the day of the week.
     */
    SAME_WEEKDAY
}
