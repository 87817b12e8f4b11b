package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The columns of a board, side by side, each a virtualised list of cards (only the visible cards
 * are nodes, so a column of thousands scrolls as fast as one of ten). Cards are dragged between
 * and within columns, or moved with the keyboard: Ctrl+←/→ to the next column, Ctrl+↑/↓ within
 * one, Enter to open. With swimlanes each lane is a row of the same columns.
 *
 * <p>The board only reports the move the user asked for ({@link MoveHandler}); it shows the card in
 * its new place at once and the screen reloads it from the database if the move is refused.
 */
public final class KanbanBoard extends ScrollPane {

    /** Receives a move: the card, the column and the cards it now sits between (null at an end). */
    @FunctionalInterface
    public interface MoveHandler {
        void move(Card card, String toColumn, UUID above, UUID below);
    }

    static final double COLUMN_WIDTH = 284;
    private static final PseudoClass DROP_ABOVE = PseudoClass.getPseudoClass("drop-above");
    private static final PseudoClass DROP_BELOW = PseudoClass.getPseudoClass("drop-below");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final CardPresenter presenter;
    private final MoveHandler onMove;
    private final java.util.function.Consumer<Card> onOpen;
    private final Runnable onAdded;
    private final VBox content = new VBox(12);
    /** Lists by column key, per lane (the empty lane when the board has none). */
    private final Map<String, Map<String, ListView<Card>>> lanes = new LinkedHashMap<>();
    private BoardView view;
    private Card dragged;
    private CardExtraLines extraLines;

    /** Shows each card's custom values and facts, as the board asks, after its own fields. */
    public void setExtraLines(CardExtraLines lines) {
        this.extraLines = lines;
    }

    /**
     * @param onMove  a card was moved by the user
     * @param onOpen  a card was opened (double click, Enter)
     * @param onAdded an item was added at the top of a column
     */
    public KanbanBoard(CardPresenter presenter, MoveHandler onMove, java.util.function.Consumer<Card> onOpen,
                       Runnable onAdded) {
        this.presenter = presenter;
        this.onMove = onMove;
        this.onOpen = onOpen;
        this.onAdded = onAdded;
        setId("kanban");
        getStyleClass().add("kanban");
        setContent(content);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        content.getStyleClass().add("kanban-content");
    }

    /** Shows a freshly opened board, keeping scroll positions where the columns stay the same. */
    public void show(BoardView newView) {
        this.view = newView;
        lanes.clear();
        content.getChildren().clear();
        HBox headers = new HBox(12);
        headers.getStyleClass().add("kanban-headers");
        for (BoardColumn column : newView.columns()) {
            headers.getChildren().add(header(column));
        }
        content.getChildren().add(headers);
        if (!newView.laned()) {
            setFitToHeight(true);
            HBox row = laneRow("", newView.columns(), column -> column.cards(), true);
            VBox.setVgrow(row, Priority.ALWAYS);
            content.getChildren().add(row);
            return;
        }
        setFitToHeight(false);
        Set<String> laneNames = new LinkedHashSet<>();
        newView.columns().forEach(c -> c.cards().forEach(card -> laneNames.add(Objects.toString(card.swimlane(), ""))));
        List<String> sorted = new ArrayList<>(laneNames);
        sorted.sort(null);
        for (String lane : sorted) {
            // A custom field's lane is its value as the user wrote it; the item's own lanes may be codes.
            Label title = new Label(lane.isEmpty() ? I18n.get("board.lane.none")
                    : newView.customSwimlane() != null ? lane : presenter.laneTitle(lane));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, "kanban-lane-title");
            content.getChildren().addAll(title, laneRow(lane, newView.columns(),
                    column -> column.cards().stream().filter(c -> lane.equals(Objects.toString(c.swimlane(), "")))
                            .toList(), false));
        }
    }

    private HBox laneRow(String lane, List<BoardColumn> columns,
                         java.util.function.Function<BoardColumn, List<Card>> cardsOf, boolean fill) {
        HBox row = new HBox(12);
        row.getStyleClass().add("kanban-lane");
        Map<String, ListView<Card>> lists = new LinkedHashMap<>();
        for (BoardColumn column : columns) {
            ListView<Card> list = list(column, cardsOf.apply(column));
            lists.put(column.key(), list);
            VBox body = new VBox(8);
            body.getStyleClass().add("kanban-column");
            body.setPrefWidth(COLUMN_WIDTH);
            body.setMinWidth(COLUMN_WIDTH);
            body.setMaxWidth(COLUMN_WIDTH);
            if (fill) {
                // On manual columns a new item has no field value to take from its column.
                Node add = view.groupBy() == null ? null : presenter.quickAdd(column.key(), onAdded);
                if (add != null) {
                    body.getChildren().add(add);
                }
                VBox.setVgrow(list, Priority.ALWAYS);
            } else {
                // A lane is as tall as its longest column, up to a screenful; the list scrolls beyond.
                list.setPrefHeight(Math.min(480, Math.max(64, cardsOf.apply(column).size() * 92 + 8)));
            }
            body.getChildren().add(list);
            row.getChildren().add(body);
        }
        lanes.put(lane, lists);
        return row;
    }

    private VBox header(BoardColumn column) {
        Region bar = new Region();
        bar.getStyleClass().add("kanban-column-bar");
        bar.setStyle("-fx-background-color: " + column.colour() + ";");
        Label name = new Label(I18n.isChinese() ? column.value().nameZh() : column.value().nameEn());
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "kanban-column-name");
        Label count = new Label(column.wipLimit() == null ? Formats.count(column.count())
                : Formats.count(column.count()) + " / " + column.wipLimit());
        count.setId("count-" + column.key());
        count.getStyleClass().add("kanban-count");
        if (column.overLimit()) {
            count.getStyleClass().add("kanban-count-over");
            count.setTooltip(new javafx.scene.control.Tooltip(I18n.get("board.overLimit", column.wipLimit())));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, name, spacer, count);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, bar, top);
        if (column.amount() != null) {
            Label sum = new Label("Σ " + Formats.money(column.amount()));
            sum.setId("sum-" + column.key());
            sum.getStyleClass().addAll(Styles.TEXT_MUTED, "kanban-sum");
            header.getChildren().add(sum);
        }
        header.getStyleClass().add("kanban-header");
        header.setPrefWidth(COLUMN_WIDTH);
        header.setMinWidth(COLUMN_WIDTH);
        header.setMaxWidth(COLUMN_WIDTH);
        return header;
    }

    private ListView<Card> list(BoardColumn column, List<Card> cards) {
        ListView<Card> list = new ListView<>();
        list.setId("column-" + column.key());
        list.getStyleClass().add("kanban-list");
        list.getItems().setAll(cards);
        list.setPlaceholder(placeholder());
        list.setCellFactory(lv -> new CardCell(column));
        list.setOnDragOver(e -> {
            if (dragged != null) {
                e.acceptTransferModes(TransferMode.MOVE);
                list.pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        list.setOnDragExited(e -> list.pseudoClassStateChanged(DROP_TARGET, false));
        list.setOnDragDropped(e -> {
            // Dropped below the last card (or into an empty column): the card goes to the bottom.
            drop(e, list, column.key(), list.getItems().size());
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> keyboard(e, list, column.key()));
        list.setOnMouseClicked(e -> {
            Card selected = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null) {
                onOpen.accept(selected);
            }
        });
        return list;
    }

    private Node placeholder() {
        Label empty = new Label(I18n.get("board.column.empty"));
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "kanban-empty");
        return empty;
    }

    private void keyboard(KeyEvent e, ListView<Card> list, String columnKey) {
        Card card = list.getSelectionModel().getSelectedItem();
        if (card == null) {
            return;
        }
        int index = list.getItems().indexOf(card);
        if (e.getCode() == KeyCode.ENTER) {
            onOpen.accept(card);
            e.consume();
            return;
        }
        if (!e.isShortcutDown()) {
            return;
        }
        List<String> keys = view.columns().stream().map(BoardColumn::key).toList();
        int columnIndex = keys.indexOf(columnKey);
        switch (e.getCode()) {
            case RIGHT, LEFT -> {
                int next = columnIndex + (e.getCode() == KeyCode.RIGHT ? 1 : -1);
                if (next >= 0 && next < keys.size()) {
                    ListView<Card> target = lanes.get(laneOf(list)).get(keys.get(next));
                    moveTo(card, list, target, keys.get(next), 0);
                }
            }
            case UP -> {
                if (index > 0) {
                    moveTo(card, list, list, columnKey, index - 1);
                }
            }
            case DOWN -> {
                if (index < list.getItems().size() - 1) {
                    moveTo(card, list, list, columnKey, index + 2);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private String laneOf(ListView<Card> list) {
        return lanes.entrySet().stream().filter(l -> l.getValue().containsValue(list)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    private void drop(DragEvent e, ListView<Card> target, String columnKey, int index) {
        Dragboard board = e.getDragboard();
        boolean done = false;
        if (dragged != null && board.hasString() && board.getString().equals(dragged.id().toString())) {
            ListView<Card> source = lanes.values().stream().flatMap(l -> l.values().stream())
                    .filter(l -> l.getItems().contains(dragged)).findFirst().orElse(target);
            moveTo(dragged, source, target, columnKey, index);
            done = true;
        }
        dragged = null;
        e.setDropCompleted(done);
        e.consume();
    }

    /**
     * Shows the card at {@code index} of the target list (an index among the list's items before
     * the card left its old place) and reports the move with its new neighbours.
     */
    private void moveTo(Card card, ListView<Card> source, ListView<Card> target, String columnKey, int index) {
        List<Card> items = new ArrayList<>(target.getItems());
        int at = index;
        int old = items.indexOf(card);
        if (old >= 0) {
            items.remove(old);
            if (old < at) {
                at--;
            }
        }
        at = Math.max(0, Math.min(at, items.size()));
        UUID above = at > 0 ? items.get(at - 1).id() : null;
        UUID below = at < items.size() ? items.get(at).id() : null;
        if (source == target && old == at) {
            return;
        }
        source.getItems().remove(card);
        target.getItems().add(Math.min(at, target.getItems().size()), card);
        target.getSelectionModel().select(card);
        target.requestFocus();
        onMove.move(card, columnKey, above, below);
    }

    /** A card in a column: its face, and the drag source and drop target around it. */
    private final class CardCell extends ListCell<Card> {

        private final BoardColumn column;

        CardCell(BoardColumn column) {
            this.column = column;
            getStyleClass().add("kanban-cell");
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                dragged = getItem();
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(getItem().id().toString());
                board.setContent(content);
                board.setDragView(snapshot(null, null), e.getX(), e.getY());
                e.consume();
            });
            setOnDragOver(e -> {
                if (dragged != null) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    boolean upper = e.getY() < getHeight() / 2;
                    pseudoClassStateChanged(DROP_ABOVE, upper && getItem() != null);
                    pseudoClassStateChanged(DROP_BELOW, !upper && getItem() != null);
                }
                e.consume();
            });
            setOnDragExited(e -> {
                pseudoClassStateChanged(DROP_ABOVE, false);
                pseudoClassStateChanged(DROP_BELOW, false);
            });
            setOnDragDropped(e -> {
                ListView<Card> list = getListView();
                int index = getItem() == null ? list.getItems().size()
                        : getIndex() + (e.getY() < getHeight() / 2 ? 0 : 1);
                pseudoClassStateChanged(DROP_ABOVE, false);
                pseudoClassStateChanged(DROP_BELOW, false);
                drop(e, list, column.key(), index);
            });
            setOnDragDone(e -> dragged = null);
        }

        @Override
        protected void updateItem(Card card, boolean empty) {
            super.updateItem(card, empty);
            setText(null);
            if (empty || card == null) {
                setGraphic(null);
                return;
            }
            Node face = presenter.render(card, view.cardFields(), column.colour());
            if (extraLines != null && !view.extraFields().isEmpty() && face instanceof VBox box) {
                extraLines.append(box, view.extraFields(), view.extras(card));
            }
            setGraphic(face);
        }
    }
}
