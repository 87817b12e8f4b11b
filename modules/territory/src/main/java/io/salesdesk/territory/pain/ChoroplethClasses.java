package io.salesdesk.territory.pain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The classes a choropleth colours regions by: at most {@value #MAX_CLASSES} ranges of whole
 * counts of equal width from 1 to the largest count, so the legend reads "1–4, 5–8, ...". With
 * few customers each count is its own class.
 */
public final class ChoroplethClasses {

    /** More shades than this cannot be told apart on a map. */
    public static final int MAX_CLASSES = 5;

    /**
     * One class of counts.
     *
     * @param from smallest count, at least 1
     * @param to   largest count, inclusive
     */
    public record Range(int from, int to) {

        /** "3" or "1–4", as the legend prints it. */
        public String label() {
            return from == to ? Integer.toString(from) : from + "–" + to;
        }
    }

    private final List<Range> ranges;
    private final int width;

    private ChoroplethClasses(List<Range> ranges, int width) {
        this.ranges = List.copyOf(ranges);
        this.width = width;
    }

    /** The classes for these counts (zeros ignored); none when no count is positive. */
    public static ChoroplethClasses of(Collection<Integer> counts) {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max <= 0) {
            return new ChoroplethClasses(List.of(), 1);
        }
        int width = (max + MAX_CLASSES - 1) / MAX_CLASSES;
        List<Range> ranges = new ArrayList<>();
        for (int from = 1; from <= max; from += width) {
            ranges.add(new Range(from, Math.min(max, from + width - 1)));
        }
        return new ChoroplethClasses(ranges, width);
    }

    /** The classes, lightest first. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The class of a count, 0 for the lightest; −1 for zero or less (the region stays unfilled). */
    public int classOf(int count) {
        if (count <= 0 || ranges.isEmpty()) {
            return -1;
        }
        return Math.min(ranges.size() - 1, (count - 1) / width);
    }
}
