package io.salesdesk.crm.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an undo moved back, and what it left with the survivor because it changed after the merge.
 *
 * @param movedBack rows moved back to the merged customer, by kind
 * @param left      rows left where they are
 */
public record MovedBack(Map<String, Integer> movedBack, List<Left> left) {

    public static final MovedBack NONE = new MovedBack(Map.of(), List.of());

    public MovedBack {
        // In the movers' order, as the merge's summary lists what moved.
        movedBack = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(movedBack));
        left = List.copyOf(left);
    }

    /**
     * A row the undo left because someone changed it after the merge (or it moved on since).
     *
     * @param kind  the table
     * @param rowId the row
     * @param label what a user knows it by (a deal's name, a field's name), or null
     */
    public record Left(String kind, UUID rowId, String label) {
    }

    /** The two added up, in the order given. */
    public MovedBack plus(MovedBack other) {
        Map<String, Integer> counts = new LinkedHashMap<>(movedBack);
        other.movedBack.forEach((k, n) -> counts.merge(k, n, Integer::sum));
        List<Left> all = new ArrayList<>(left);
        all.addAll(other.left);
        return new MovedBack(counts, all);
    }
}
