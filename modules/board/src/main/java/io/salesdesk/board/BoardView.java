package io.salesdesk.board;

import java.util.List;

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
 */
public record BoardView(Board board, BoardField groupBy, BoardField swimlane, List<BoardField> cardFields,
                        List<BoardColumn> columns, List<BoardProblem> problems) {
}
