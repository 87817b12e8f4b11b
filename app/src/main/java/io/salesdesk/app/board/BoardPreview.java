package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.board.CardExtras;
import io.salesdesk.core.Actor;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The designer's live preview: the board as drafted, opened on the real data without saving, shown as
 * its columns and the first card it would hold, with every card field the draft asks for. Changes are
 * gathered for a moment so typing does not open the board on every key.
 */
final class BoardPreview extends VBox {

    private final AppContext context;
    private final Map<BoardKind, CardPresenter> presenters;
    private final CardExtraLines extraLines;
    private final UUID boardId;
    private final Label columns = new Label();
    private final StackPane card = new StackPane();
    private final PauseTransition settle = new PauseTransition(Duration.millis(300));
    private BoardKind kind;
    private BoardDefinition definition;
    private long generation;
    private BoardView shown;

    /** @param boardId the board being changed (its manual columns hold its cards), or null for a new one */
    BoardPreview(AppContext context, Map<BoardKind, CardPresenter> presenters, CardExtraLines extraLines, UUID boardId) {
        super(8);
        this.context = context;
        this.presenters = presenters;
        this.boardId = boardId == null ? UUID.randomUUID() : boardId;
        this.extraLines = extraLines;
        setId("boardPreview");
        getStyleClass().add("board-preview");
        Label heading = new Label(I18n.get("boardDesigner.preview"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        columns.setId("previewColumns");
        columns.setWrapText(true);
        columns.getStyleClass().add(Styles.TEXT_MUTED);
        card.setId("previewCard");
        card.getStyleClass().add("kanban-list");
        card.setMaxWidth(280);
        getChildren().addAll(heading, columns, card);
        setPrefWidth(300);
        setMinWidth(300);
        settle.setOnFinished(e -> load());
    }

    /** Shows the draft once it has stopped changing for a moment. */
    void show(BoardKind newKind, BoardDefinition newDefinition) {
        this.kind = newKind;
        this.definition = newDefinition;
        settle.playFromStart();
    }

    /** The preview's board as last opened, for tests. */
    BoardView shown() {
        return shown;
    }

    private void load() {
        if (kind == null || definition == null) {
            return;
        }
        long mine = ++generation;
        Board draft = new Board(boardId, kind, "preview", 0, definition, 0);
        Actor viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.boards().open(viewer, draft, null))
                .onSuccess(view -> {
                    if (mine == generation) {
                        render(view);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        columns.setText(I18n.message(error));
                        card.getChildren().clear();
                    }
                })
                .executeWith(context.executor());
    }

    private void render(BoardView view) {
        shown = view;
        columns.setText(I18n.get("boardDesigner.previewColumns", view.columns().stream()
                .map(c -> (I18n.isChinese() ? c.value().nameZh() : c.value().nameEn()) + " " + c.count())
                .collect(Collectors.joining(" · "))));
        CardPresenter presenter = presenters.get(view.board().kind());
        // The card that fills the most of the chosen lines shows best what the board will look like.
        BoardColumn column = null;
        Card best = null;
        int bestScore = -1;
        for (BoardColumn c : view.columns()) {
            for (Card candidate : c.cards()) {
                int score = filled(view.extras(candidate));
                if (score > bestScore) {
                    column = c;
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        if (presenter == null || best == null) {
            Label empty = new Label(I18n.get("boardDesigner.previewEmpty"));
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().setAll(empty);
            return;
        }
        Node face = presenter.render(best, view.cardFields(), column.colour());
        if (face instanceof VBox box) {
            extraLines.append(box, view.extraFields(), view.extras(best));
        }
        card.getChildren().setAll(face);
    }

    private static int filled(CardExtras extras) {
        return extras.custom().size() + extras.customerCustom().size() + (extras.keyContact() == null ? 0 : 1)
                + Math.min(1, extras.notes().size());
    }
}
