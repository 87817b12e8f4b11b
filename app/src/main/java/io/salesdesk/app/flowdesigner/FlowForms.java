package io.salesdesk.app.flowdesigner;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Layout helpers shared by the designer's editors: a titled group and a label beside its control. */
final class FlowForms {

    private FlowForms() {
    }

    /** A group of controls under a small heading. */
    static VBox group(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "fd-editor-heading");
        VBox box = new VBox(8, heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add("fd-editor-group");
        return box;
    }

    static HBox labelled(String label, Node control) {
        Label text = new Label(label);
        text.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(8, text, control);
        HBox.setHgrow(control, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return hint;
    }
}
