package io.salesdesk.board;

import java.util.List;
import java.util.Optional;

/**
 * How a board shows its items: the field its columns come from, optional swimlanes, the fields on
 * each card, a filter, and per-column settings. Stored as JSON in {@code board.definition}.
 *
 * @param groupBy    key of the field whose values are the columns: a built-in field ({@code stage}), a
 *                   single-choice custom field ({@code custom.attack_stage}) or {@link #MANUAL}
 * @param swimlane   key of the field that splits the board into lanes, or null
 * @param cardFields keys of the fields each card shows, in order: built-in fields ({@code amount}),
 *                   custom fields ({@code custom.competitor}) and card facts ({@code fact.keyContact})
 * @param filter     which items the board shows
 * @param columns    settings of columns that have any (WIP limit, colour, hidden)
 * @param facts      how the card facts are found; absent in definitions saved before there were facts
 */
public record BoardDefinition(String groupBy, String swimlane, List<String> cardFields, BoardFilter filter,
                              List<ColumnSetting> columns, CardFactSettings facts) {

    /** {@link #groupBy} of a board whose columns the users made (本周重点, 下周, 观察 …). */
    public static final String MANUAL = "manual";

    public BoardDefinition {
        cardFields = cardFields == null ? List.of() : List.copyOf(cardFields);
        columns = columns == null ? List.of() : List.copyOf(columns);
        filter = filter == null ? BoardFilter.NONE : filter;
        facts = facts == null ? CardFactSettings.DEFAULT : facts;
    }

    /** A definition whose cards find their facts the default way. */
    public BoardDefinition(String groupBy, String swimlane, List<String> cardFields, BoardFilter filter,
                           List<ColumnSetting> columns) {
        this(groupBy, swimlane, cardFields, filter, columns, null);
    }

    /** The custom field the columns come from, or null when they come from a built-in field or are manual. */
    public String customGroupBy() {
        return CustomCardField.keyOf(groupBy);
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
