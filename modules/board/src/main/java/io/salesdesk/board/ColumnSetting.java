package io.salesdesk.board;

/**
 * How a board shows one column: its WIP limit (null for none), its colour (null for the field
 * value's own) and whether it is hidden (a pipeline for open deals hides won and lost).
 *
 * @param key      the value of the grouping field, e.g. {@code QUOTE}
 * @param wipLimit most cards the column should hold; more asks for confirmation
 * @param colour   {@code #RRGGBB}, or null
 * @param hidden   whether the board leaves the column out
 * @param name     the column's name on a board with manual columns; null when the field names it
 */
public record ColumnSetting(String key, Integer wipLimit, String colour, boolean hidden, String name) {

    /** Settings for a column whose name comes from the grouping field. */
    public ColumnSetting(String key, Integer wipLimit, String colour, boolean hidden) {
        this(key, wipLimit, colour, hidden, null);
    }
}
