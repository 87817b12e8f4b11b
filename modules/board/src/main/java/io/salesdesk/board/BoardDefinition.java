package io.salesdesk.board;

import java.util.List;
import java.util.Optional;

/**
 * How a board shows its items: the field its columns come from, optional swimlanes, the fields on
 * each card, a filter, and per-column settings. Stored as JSON in {@code board.definition}.
 *
 * @param groupBy    key of the field whose values are the columns
 * @param swimlane   key of the field that splits the board into lanes, or null
 * @param cardFields keys of the fields each card shows, in order
 * @param filter     which items the board shows
 * @param columns    settings of columns that have any (WIP limit, colour, hidden)
 */
public record BoardDefinition(String groupBy, String swimlane, List<String> cardFields, BoardFilter filter,
                              List<ColumnSetting> columns) {

    /** {@link #groupBy} of a board whose columns the users made (本周重点, 下周, 观察 …). */
    public static final String MANUAL = "manual";

    public BoardDefinition {
        cardFields = cardFields == null ? List.of() : List.copyOf(cardFields);
        columns = columns == null ? List.of() : List.copyOf(columns);
        filter = filter == null ? BoardFilter.NONE : filter;
    }

    /** Whether the columns are the board's own rather than a field's values. */
    public boolean manual() {
        return MANUAL.equals(groupBy);
    }

    /** The settings of a column, if the board has any for it. */
    public Optional<ColumnSetting> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
