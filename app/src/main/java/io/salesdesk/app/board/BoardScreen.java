package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.LastChange;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardProblem;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.board.ColumnValue;
import io.salesdesk.board.WipLimitExceededException;
import io.salesdesk.core.Actor;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A board page: pick a board, search its cards, drag them, open one in a drawer, undo the last
 * move. Moves go to the database at once; a move the item's rules refuse, a full column, a card
 * someone else moved or deleted, each is explained and the board shows the truth again.
 */
public class BoardScreen extends BorderPane {

    private final AppContext context;
    private final Map<BoardKind, CardPresenter> presenters;
    private final List<BoardKind> kinds;
    private final ComboBox<Board> picker;
    /** A board asked for by {@link #showBoard} before the saved boards were read. */
    private UUID wanted;
    private final CustomTextField search = new CustomTextField();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button undo = new Button(null, new FontIcon(Feather.ROTATE_CCW));
    private final VBox problems = new VBox(4);
    private final Label notice = new Label();
    private final StackPane boardHost = new StackPane();
    private final BorderPane drawer = new BorderPane();
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(6));
    private Board board;
    private BoardView view;
    private KanbanBoard kanban;
    private LastMove lastMove;
    private long loadGeneration;
    private final CardExtraLines extraLines;
    private boolean userNamesRead;

    /** The move that "undo" takes back: where the card was and what it was then. */
    private record LastMove(Card before, UUID above, UUID below, UUID cardId) {
    }

    /**
     * @param title      the page title
     * @param kinds      the kinds of board the picker offers, in order
     * @param presenters how each kind's cards look and behave
     * @param actions    buttons for the header (e.g. 新建商机)
     */
    public BoardScreen(AppContext context, String title, List<BoardKind> kinds, Map<BoardKind, CardPresenter> presenters,
                       List<Node> actions) {
        this.context = context;
        this.presenters = presenters;
        this.kinds = kinds;
        this.extraLines = new CardExtraLines(context.clock());
        getStyleClass().addAll("page", "board-page");
        picker = Pickers.of(List.of(), Board::name, I18n.get("board.picker"));
        picker.setId("boardPicker");
        picker.setPrefWidth(220);
        setTop(new VBox(8, header(title, actions), problems, notice));
        problems.getStyleClass().add("board-problems");
        notice.setId("boardNotice");
        notice.getStyleClass().add("board-notice");
        notice.setWrapText(true);
        showNotice(null);
        noticeTimer.setOnFinished(e -> showNotice(null));
        drawer.getStyleClass().add("board-drawer");
        drawer.setPrefWidth(380);
        drawer.setMinWidth(380);
        drawer.setVisible(false);
        drawer.setManaged(false);
        HBox body = new HBox(16, boardHost, drawer);
        HBox.setHgrow(boardHost, Priority.ALWAYS);
        setCenter(body);
        picker.valueProperty().addListener((obs, old, now) -> {
            board = now;
            lastMove = null;
            closeDrawer();
            reload();
        });
        search.textProperty().addListener((obs, old, now) -> reload());
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                undoLastMove();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && drawer.isVisible()) {
                closeDrawer();
                e.consume();
            }
        });
        loadBoards(null);
    }

    /** Reads the saved boards off the FX thread, then shows {@code select} (or the first board). */
    private void loadBoards(Board select) {
        BackgroundTask.wrap(() -> {
            List<Board> boards = new ArrayList<>();
            kinds.forEach(k -> boards.addAll(context.boards().boards(k)));
            return boards;
        }).onSuccess(boards -> {
            picker.getItems().setAll(boards);
            UUID selectId = select != null ? select.id() : wanted;
            Board chosen = selectId == null ? null
                    : boards.stream().filter(b -> b.id().equals(selectId)).findFirst().orElse(select);
            wanted = null;
            if (chosen != null && board != null && board.id().equals(chosen.id())) {
                // The same board saved anew: its definition changed, so open it again.
                board = chosen;
                view = null;
                reload();
            }
            if (chosen == null && board != null) {
                // Keep what is shown (a load started earlier may finish after one that chose a board).
                chosen = boards.stream().filter(b -> b.id().equals(board.id())).findFirst().orElse(null);
            }
            if (!boards.isEmpty()) {
                picker.setValue(chosen != null ? chosen : boards.get(0));
            }
        }).executeWith(context.executor());
    }

    /**
     * Shows the saved board with this id, read afresh with its cards (cards may have been added to it
     * from another page); the first board when it no longer exists.
     */
    public final void showBoard(UUID boardId) {
        if (board != null && board.id().equals(boardId)) {
            reload();
            return;
        }
        wanted = boardId;
        loadBoards(null);
    }

    /** The board shown, for tests. */
    public BoardView view() {
        return view;
    }

    /** Reads the board again from the database (after an edit, a refused move, a refresh). */
    public final void reload() {
        if (board == null) {
            return;
        }
        Board shown = board;
        String text = search.getText();
        Actor viewer = context.currentUser().asActor();
        long generation = ++loadGeneration;
        busy.setVisible(true);
        BackgroundTask.wrap(() -> {
                    if (!userNamesRead) {
                        // User fields on cards show names; the users change rarely, read them once.
                        Map<String, String> names = new java.util.HashMap<>();
                        context.users().all().forEach(u -> names.put(u.id().toString(), u.displayName()));
                        extraLines.setUserNames(names);
                        userNamesRead = true;
                    }
                    return context.boards().open(viewer, shown, text == null || text.isBlank() ? null : text);
                })
                .onSuccess(opened -> {
                    if (generation == loadGeneration) {
                        show(opened);
                    }
                })
                .onFinished(() -> busy.setVisible(generation != loadGeneration))
                .executeWith(context.executor());
    }

    private HBox header(String title, List<Node> actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        search.setId("boardSearch");
        search.setPromptText(I18n.get("board.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(240);
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.setVisible(false);
        undo.setId("boardUndo");
        undo.setTooltip(new Tooltip(I18n.get("board.undo")));
        undo.getStyleClass().add(Styles.BUTTON_ICON);
        undo.setDisable(true);
        undo.setOnAction(e -> undoLastMove());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("boardRefresh");
        refresh.setTooltip(new Tooltip(I18n.get("board.refresh")));
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, heading, picker, search, busy, spacer, undo, refresh);
        if (BoardService.mayConfigure(context.currentUser().asActor())) {
            MenuItem settings = new MenuItem(I18n.get("boardSettings.title"));
            settings.setOnAction(e -> configure(false));
            MenuItem create = new MenuItem(I18n.get("boardSettings.newTitle"));
            create.setOnAction(e -> configure(true));
            MenuButton configure = new MenuButton(null, new FontIcon(Feather.SLIDERS), settings, create);
            configure.setId("boardSettings");
            configure.setTooltip(new Tooltip(I18n.get("boardSettings.title")));
            configure.getStyleClass().add(Styles.BUTTON_ICON);
            header.getChildren().add(configure);
        }
        header.getChildren().addAll(actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    private void configure(boolean asNew) {
        if (board == null) {
            return;
        }
        new BoardDesignerDialog(context, board, kinds, presenters, extraLines, asNew).showAndWait()
                .ifPresent(this::loadBoards);
    }

    private void show(BoardView opened) {
        boolean sameBoard = view != null && view.board().id().equals(opened.board().id()) && kanban != null;
        view = opened;
        CardPresenter presenter = presenters.get(opened.board().kind());
        if (!sameBoard || kanban == null) {
            kanban = new KanbanBoard(presenter, this::move, this::openDrawer, this::reload);
            kanban.setExtraLines(extraLines);
            boardHost.getChildren().setAll(kanban);
        }
        kanban.show(opened);
        problems.getChildren().clear();
        for (BoardProblem problem : opened.problems()) {
            Label line = new Label(I18n.get(problem.messageKey(), problem.argument()),
                    new FontIcon(Feather.ALERT_TRIANGLE));
            line.getStyleClass().addAll(Styles.WARNING, "board-problem");
            problems.getChildren().add(line);
        }
        undo.setDisable(lastMove == null);
    }

    private void move(Card card, String toColumn, UUID above, UUID below) {
        ColumnValue target = column(toColumn).map(BoardColumn::value).orElse(null);
        String reason = null;
        if (target != null && target.needsReason() && !toColumn.equals(card.column())) {
            Optional<String> asked = askReason(card, target);
            if (asked.isEmpty()) {
                reload();
                return;
            }
            reason = asked.get();
        }
        List<Card> oldColumn = column(card.column()).map(BoardColumn::cards).orElse(List.of());
        int at = oldColumn.indexOf(card);
        UUID oldAbove = at > 0 ? oldColumn.get(at - 1).id() : null;
        UUID oldBelow = at >= 0 && at < oldColumn.size() - 1 ? oldColumn.get(at + 1).id() : null;
        persist(card, toColumn, reason, above, below, false, new LastMove(card, oldAbove, oldBelow, card.id()));
    }

    private void persist(Card card, String toColumn, String reason, UUID above, UUID below, boolean confirmed,
                         LastMove undoable) {
        Actor actor = context.currentUser().asActor();
        Board shown = board;
        CardPresenter presenter = presenters.get(shown.kind());
        BackgroundTask.wrap(() -> context.boards().move(actor, shown, card, toColumn, reason, above, below, confirmed))
                .onSuccess(moved -> {
                    if (shown.kind() == BoardKind.OPPORTUNITY) {
                        RulesOnSave.opportunity(context, card.id());
                    } else if (shown.kind() == BoardKind.CUSTOMER) {
                        RulesOnSave.customer(context, card.id());
                    }
                    lastMove = undoable;
                    showNotice(null);
                    reload();
                })
                .onFailure(error -> {
                    if (error instanceof WipLimitExceededException full && confirmOverLimit(full)) {
                        persist(card, toColumn, reason, above, below, true, undoable);
                        return;
                    }
                    if (error instanceof ValidationException refused) {
                        showNotice(I18n.get("board.refused", presenter.title(card), refused.problems().stream()
                                .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                                .collect(Collectors.joining("；"))));
                    } else if (error instanceof StaleRecordException stale) {
                        showNotice(I18n.get(stale.current() == null ? "board.gone" : "board.movedMeanwhile",
                                presenter.title(card)));
                        if (stale.current() != null) {
                            sayWhoChanged(stale, presenter.title(card));
                        }
                    } else if (!(error instanceof WipLimitExceededException)) {
                        ErrorDialogs.show(error);
                    }
                    reload();
                })
                .executeWith(context.executor());
    }

    /**
     * A move met someone else's save: for a customer or a deal the notice then says who changed what
     * (from the change log); other cards keep the plain notice.
     */
    private void sayWhoChanged(StaleRecordException stale, String title) {
        var actor = context.currentUser().asActor();
        java.util.concurrent.Callable<List<io.salesdesk.db.ChangeEntry>> history = switch (stale.entity()) {
            case "customer" -> () -> context.customers().history(actor, stale.id());
            case "opportunity" -> () -> context.opportunities().history(actor, stale.id());
            default -> null;
        };
        if (history == null) {
            return;
        }
        BackgroundTask.wrap(() -> LastChange.describe(history.call(), context.clock().getZone()))
                .onSuccess(what -> what.ifPresent(w -> showNotice(I18n.get("board.movedMeanwhileBy", title, w))))
                // The plain notice is already shown; it stays when the log cannot be read.
                .onFailure(e -> { })
                .executeWith(context.executor());
    }

    private void undoLastMove() {
        LastMove last = lastMove;
        if (last == null || board == null) {
            return;
        }
        lastMove = null;
        undo.setDisable(true);
        Actor actor = context.currentUser().asActor();
        Board shown = board;
        CardPresenter presenter = presenters.get(shown.kind());
        BackgroundTask.wrap(() -> context.boards().current(actor, shown, last.cardId()))
                .onSuccess(now -> {
                    if (now.isEmpty()) {
                        showNotice(I18n.get("board.gone", presenter.title(last.before())));
                        reload();
                        return;
                    }
                    persist(now.get(), last.before().column(), presenter.reason(last.before()), last.above(),
                            last.below(), true, null);
                })
                .executeWith(context.executor());
    }

    private Optional<BoardColumn> column(String key) {
        return view == null ? Optional.empty()
                : view.columns().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    private Optional<String> askReason(Card card, ColumnValue target) {
        String name = I18n.isChinese() ? target.nameZh() : target.nameEn();
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(I18n.get("board.reason.title", name));
        dialog.setHeaderText(I18n.get("board.reason.header", presenters.get(board.kind()).title(card), name));
        dialog.getEditor().setId("moveReason");
        dialog.getEditor().setPromptText(I18n.get("board.reason.prompt"));
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(dialog.getEditor().textProperty().map(String::isBlank));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private boolean confirmOverLimit(WipLimitExceededException full) {
        String name = column(full.column()).map(c -> I18n.isChinese() ? c.value().nameZh() : c.value().nameEn())
                .orElse(full.column());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("board.wip.body", name, full.limit()),
                ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(I18n.get("board.wip.title"));
        alert.setHeaderText(I18n.get("board.wip.header", name));
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void openDrawer(Card card) {
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("drawerClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setOnAction(e -> closeDrawer());
        HBox top = new HBox(close);
        top.setAlignment(Pos.CENTER_RIGHT);
        drawer.setTop(top);
        drawer.setCenter(presenters.get(board.kind()).detail(card, () -> {
            closeDrawer();
            reload();
        }));
        drawer.setVisible(true);
        drawer.setManaged(true);
    }

    private void closeDrawer() {
        drawer.setVisible(false);
        drawer.setManaged(false);
        drawer.setCenter(null);
    }

    private void showNotice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
        notice.setManaged(text != null);
        if (text != null) {
            noticeTimer.playFromStart();
        }
    }
}
