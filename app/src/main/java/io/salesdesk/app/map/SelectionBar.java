package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bar that appears under the map while customers are selected: how many, the bulk actions,
 * and 清除选择. Hidden (and taking no room) when nothing is selected.
 */
final class SelectionBar extends HBox {

    private final Label count = new Label();
    private final Label outcome = new Label();

    private final Hyperlink openBoard = new Hyperlink(I18n.get("map.board.open"));

    SelectionBar(Runnable assignOwner, Runnable addToBoard, Node exportAction, Runnable clear) {
        super(12);
        setId("mapSelectionBar");
        getStyleClass().add("map-selection-bar");
        setAlignment(Pos.CENTER_LEFT);
        count.setId("mapSelectionCount");
        count.getStyleClass().add(Styles.TEXT_BOLD);
        outcome.setId("mapSelectionOutcome");
        outcome.getStyleClass().add(Styles.TEXT_MUTED);
        outcome.setWrapText(true);
        Button assign = new Button(I18n.get("map.selection.assign"), new FontIcon(Feather.USER_CHECK));
        assign.setId("mapAssignOwner");
        assign.setOnAction(e -> assignOwner.run());
        Button board = new Button(I18n.get("map.selection.board"), new FontIcon(Feather.TRELLO));
        board.setId("mapAddToBoard");
        board.setOnAction(e -> addToBoard.run());
        openBoard.setId("mapOpenBoard");
        showAction(null);
        Button clearButton = new Button(I18n.get("map.selection.clear"), new FontIcon(Feather.X));
        clearButton.setId("mapSelectionClear");
        clearButton.getStyleClass().add(Styles.FLAT);
        clearButton.setOnAction(e -> clear.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(new FontIcon(Feather.CHECK_SQUARE), count, assign, board, exportAction, spacer, outcome,
                openBoard, clearButton);
        show(0);
    }

    /** Shows the count, or hides the bar for none. */
    void show(int selected) {
        count.setText(I18n.get("map.selection.count", selected));
        setVisible(selected > 0);
        setManaged(selected > 0);
        if (selected == 0) {
            outcome.setText("");
            showAction(null);
        }
    }

    void showOutcome(String text) {
        outcome.setText(text);
        showAction(null);
    }

    /** An outcome with a link to where it can be seen (打开看板). */
    void showOutcome(String text, Runnable open) {
        outcome.setText(text);
        showAction(open);
    }

    private void showAction(Runnable open) {
        openBoard.setOnAction(open == null ? null : e -> open.run());
        openBoard.setVisible(open != null);
        openBoard.setManaged(open != null);
    }
}
