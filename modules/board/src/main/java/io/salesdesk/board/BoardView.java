package io.salesdesk.board;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An open board: its columns with their cards, the fields its cards show, and anything in its
 * definition it could not honour.
 *
 * @param board      the saved board
 * @param groupBy    the field the columns come from
 * @param swimlane   the field that splits the board into lanes, or null
 * @param cardFields the fields each card shows, in order (unknown ones dropped and reported)
 * @param columns    the columns in order, hidden ones left out
 * @param problems   what the definition asks for that the board cannot do
 * @param extraFields the custom fields and card facts each card shows after its own fields, in order
 * @param extras     each card's custom values and facts, by item id (cards without any are absent)
 * @param customSwimlane the single-choice custom field that splits the board into lanes instead of
 *                   {@code swimlane}, or null; each card's lane is then its value, as the user wrote it
 */
public record BoardView(Board board, BoardField groupBy, BoardField swimlane, List<BoardField> cardFields,
                        List<BoardColumn> columns, List<BoardProblem> problems, List<CardExtraField> extraFields,
                        Map<UUID, CardExtras> extras, CustomCardField customSwimlane) {

    public BoardView {
        extraFields = extraFields == null ? List.of() : List.copyOf(extraFields);
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    public BoardView(Board board, BoardField groupBy, BoardField swimlane, List<BoardField> cardFields,
                     List<BoardColumn> columns, List<BoardProblem> problems, List<CardExtraField> extraFields,
                     Map<UUID, CardExtras> extras) {
        this(board, groupBy, swimlane, cardFields, columns, problems, extraFields, extras, null);
    }

    /** Whether the board is split into lanes, by a field of its own or a custom one. */
    public boolean laned() {
        return swimlane != null || customSwimlane != null;
    }

    /** A view whose cards show only their own fields. */
    public BoardView(Board board, BoardField groupBy, BoardField swimlane, List<BoardField> cardFields,
                     List<BoardColumn> columns, List<BoardProblem> problems) {
        this(board, groupBy, swimlane, cardFields, columns, problems, List.of(), Map.of());
    }

    /** What a card shows beyond its own fields. */
    public CardExtras extras(Card card) {
        return extras.getOrDefault(card.id(), CardExtras.NONE);
    }
}
