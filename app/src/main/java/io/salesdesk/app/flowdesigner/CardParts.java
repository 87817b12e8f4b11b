package io.salesdesk.app.flowdesigner;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces every card of the designer is made of: a coloured head, small tool buttons, the problem lines, the connecting line. */
final class CardParts {

    /** Width of a card; branch columns are at least this wide plus their margins. */
    static final double CARD_WIDTH = 224;

    private CardParts() {
    }

    /** A head strip: icon, title, then the tools at the right. */
    static HBox head(Feather icon, String title, Node... tools) {
        Label text = new Label(title, new FontIcon(icon));
        text.getStyleClass().add("fd-card-title");
        text.setMaxWidth(CARD_WIDTH - 24 - 26 * tools.length);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(2, text, spacer);
        head.getChildren().addAll(tools);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("fd-card-head");
        return head;
    }

    static Button tool(Feather icon, String tooltip, String id, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "fd-tool");
        button.setTooltip(new Tooltip(tooltip));
        button.setId(id);
        button.setOnAction(e -> {
            e.consume();
            action.run();
        });
        // The card selects itself on a click; the tool's own click must not reach it.
        button.setOnMouseClicked(javafx.scene.input.MouseEvent::consume);
        return button;
    }

    /** A card: head, body lines, then the problems the validator found at it (red). */
    static VBox card(String id, String kind, HBox head, List<Node> body, List<String> problems, boolean selected) {
        VBox lines = new VBox(4);
        lines.getChildren().addAll(body);
        lines.getStyleClass().add("fd-card-body");
        for (String problem : problems) {
            Label line = new Label(problem, new FontIcon(Feather.ALERT_CIRCLE));
            line.getStyleClass().addAll(Styles.TEXT_SMALL, "fd-problem");
            line.setWrapText(true);
            line.setMaxWidth(CARD_WIDTH - 28);
            line.setMinHeight(Region.USE_PREF_SIZE);
            lines.getChildren().add(line);
        }
        VBox card = new VBox(head, lines);
        card.setId(id);
        card.getStyleClass().addAll("fd-card", kind);
        if (selected) {
            card.getStyleClass().add("fd-selected");
        }
        if (!problems.isEmpty()) {
            card.getStyleClass().add("fd-invalid");
        }
        card.setPrefWidth(CARD_WIDTH);
        card.setMinWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        return card;
    }

    static Label line(String text, String... styles) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styles);
        label.setWrapText(true);
        label.setMaxWidth(CARD_WIDTH - 28);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** The vertical line between two nodes. */
    static Region connector(double height) {
        Region line = new Region();
        line.getStyleClass().add("fd-line");
        line.setPrefHeight(height);
        line.setMinHeight(height);
        return line;
    }

    /** A line that grows, so the branches of a fork end at the same height. */
    static Region filler() {
        Region line = connector(12);
        line.setMaxHeight(Double.MAX_VALUE);
        VBox.setVgrow(line, Priority.ALWAYS);
        return line;
    }
}
