package io.salesdesk.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

import io.salesdesk.app.common.I18n;

/** What the page area shows while the workspace opens: the window is there, the data is coming. */
final class OpeningPane extends VBox {

    OpeningPane() {
        super(12);
        setId("openingPane");
        setAlignment(Pos.CENTER);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label title = new Label(I18n.get("opening.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(I18n.get("opening.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(spinner, title, hint);
    }
}
