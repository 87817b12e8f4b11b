package io.salesdesk.board;

import io.salesdesk.core.BoardRank;

/**
 * The rank for a card dropped between two neighbours whose ranks were just read. A neighbour that
 * went away, or that no longer sorts where the user saw it, is ignored rather than refusing the drop.
 */
final class NeighbourRanks {

    private NeighbourRanks() {
    }

    /** A rank between {@code above} and {@code below} (either null at an end of the column). */
    static String between(String above, String below) {
        String high = above != null && below != null && above.compareTo(below) >= 0 ? null : below;
        return BoardRank.between(above, high);
    }
}
