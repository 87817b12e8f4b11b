package io.salesdesk.app.board;

import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import java.util.List;
import javafx.scene.Node;

/**
 * How one kind of item looks and behaves on a board: the card, the detail drawer, what "add" does
 * at the top of a column, and the reason a card carries into a column that needs one.
 */
public interface CardPresenter {

    BoardKind kind();

    /** The card's face, showing {@code fields} in order, edged in the column's colour. */
    Node render(Card card, List<BoardField> fields, String colour);

    /** A one-line name of the card, for notices ("「监护仪 20 台」已移到 报价"). */
    String title(Card card);

    /** The drawer's content for the card; {@code changed} reloads the board after an edit. */
    Node detail(Card card, Runnable changed);

    /** What sits at the top of a column to add an item there, or null when the kind adds elsewhere. */
    Node quickAdd(String column, Runnable added);

    /** A swimlane's heading for the lane value the board gives (a name, or a code to translate). */
    default String laneTitle(String lane) {
        return lane;
    }

    /** The reason the card already has for being in its column (undoing a move back into 赢单), or null. */
    default String reason(Card card) {
        return null;
    }
}
