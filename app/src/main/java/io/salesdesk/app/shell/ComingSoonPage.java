package io.salesdesk.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Page;

/** A page whose capability arrives in a later release: what it will do, not an empty pane. */
final class ComingSoonPage extends VBox {

    ComingSoonPage(Page page) {
        super(14);
        setId("coming-" + page.name());
        getStyleClass().addAll("page", "coming-page");
        setAlignment(Pos.CENTER);
        FontIcon icon = new FontIcon(page.icon());
        icon.getStyleClass().add("coming-icon");
        Label title = new Label(page.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(I18n.get("coming." + page.name()));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label badge = new Label(I18n.get("coming.badge"));
        badge.getStyleClass().add("coming-badge");
        getChildren().addAll(icon, title, text, badge);
    }
}
