package io.salesdesk.board;

import java.math.BigDecimal;
import java.util.List;

/**
 * A column as a board shows it: its value, settings, totals counted in SQL, and the cards loaded.
 *
 * @param value    the grouping value and its names
 * @param colour   the colour to show
 * @param wipLimit most cards the column should hold, or null
 * @param count    how many items the column holds (all of them, not only those loaded)
 * @param amount   Σ amount of the column's items (opportunities), else null
 * @param cards    the cards in rank order, at most the source's column limit
 */
public record BoardColumn(ColumnValue value, String colour, Integer wipLimit, int count, BigDecimal amount,
                          List<Card> cards) {

    public String key() {
        return value.key();
    }

    /** Whether the column holds more cards than its WIP limit allows. */
    public boolean overLimit() {
        return wipLimit != null && count > wipLimit;
    }
}
