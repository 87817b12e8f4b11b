package io.salesdesk.board;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.SalesDeskException;

/** Checks a card rank that comes from the UI before it is stored. */
public final class CardRanks {

    private CardRanks() {
    }

    /**
     * The rank if it is one {@link BoardRank} could have made and fits the column.
     *
     * @throws SalesDeskException with {@code messageKey} and the rank otherwise
     */
    public static String require(String rank, String messageKey) {
        if (!BoardRank.isValid(rank)) {
            throw new SalesDeskException(messageKey, rank);
        }
        return rank;
    }
}
