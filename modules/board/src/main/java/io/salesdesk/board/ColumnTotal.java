package io.salesdesk.board;

import java.math.BigDecimal;

/**
 * A column's totals, counted in SQL over all its items, not only the cards loaded.
 *
 * @param count  how many items
 * @param amount Σ amount, or null for kinds without amounts
 */
public record ColumnTotal(int count, BigDecimal amount) {

    public static final ColumnTotal EMPTY = new ColumnTotal(0, null);
}
