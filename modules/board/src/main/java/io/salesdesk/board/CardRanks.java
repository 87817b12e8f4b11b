package io.salesdesk.board;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.SalesDeskException;
import java.util.regex.Pattern;

/** Checks a card rank that comes from the UI before it is stored. */
public final class CardRanks {

    // A six-digit slot and an optional fraction that never ends in 0, as BoardRank makes them.
    private static final Pattern RANK = Pattern.compile("[0-9a-z]{6}([0-9a-z]*[1-9a-z])?");

    private CardRanks() {
    }

    /**
     * The rank if it is one {@link BoardRank} could have made and fits the column.
     *
     * @throws SalesDeskException with {@code messageKey} and the rank otherwise
     */
    public static String require(String rank, String messageKey) {
        if (rank == null || BoardRank.tooLong(rank) || !RANK.matcher(rank).matches()) {
            throw new SalesDeskException(messageKey, rank);
        }
        return rank;
    }
}
