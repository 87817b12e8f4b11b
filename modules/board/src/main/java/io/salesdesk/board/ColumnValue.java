package io.salesdesk.board;

/**
 * One value of a board's grouping field: a column a card can be in.
 *
 * @param key         the stored value, e.g. {@code QUOTE}
 * @param nameZh      Chinese name
 * @param nameEn      English name
 * @param colour      default colour, {@code #RRGGBB}
 * @param needsReason whether a card moved here needs a reason (won, lost, resolved)
 */
public record ColumnValue(String key, String nameZh, String nameEn, String colour, boolean needsReason) {
}
