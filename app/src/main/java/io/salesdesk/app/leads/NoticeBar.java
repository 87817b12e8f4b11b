package io.salesdesk.app.leads;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;

/**
 * The line under the page header that says what just happened: where a new lead went and why, a
 * customer claimed from the pool, a move refused. It stays until the user closes it or the next
 * thing happens, so a dispatch reason can be read at leisure.
 */
final class NoticeBar extends HBox {

    enum Kind {
        SUCCESS(Feather.CHECK_CIRCLE, "notice-success"),
        WARNING(Feather.ALERT_TRIANGLE, "notice-warning"),
        DANGER(Feather.X_OCTAGON, "notice-danger");

        private final Feather icon;
        private final String style;

        Kind(Feather icon, String style) {
            this.icon = icon;
            this.style = style;
        }
    }

    private final FontIcon icon = new FontIcon();
    private final Label text = new Label();
    private final Hyperlink action = new Hyperlink();

    NoticeBar() {
        super(10);
        setId("leadsNotice");
        getStyleClass().add("leads-notice");
        setAlignment(Pos.CENTER_LEFT);
        icon.getStyleClass().add("notice-icon");
        text.setId("leadsNoticeText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        action.setId("leadsNoticeAction");
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip(I18n.get("leads.notice.close")));
        close.setOnAction(e -> clear());
        getChildren().addAll(icon, text, action, close);
        clear();
    }

    void show(Kind kind, String message) {
        show(kind, message, null, null);
    }

    /** Shows a message with a link after it ("打开客户"), or none when {@code linkText} is null. */
    void show(Kind kind, String message, String linkText, Runnable onLink) {
        getStyleClass().removeAll(List.of(Kind.values()).stream().map(k -> k.style).toList());
        getStyleClass().add(kind.style);
        icon.setIconCode(kind.icon);
        text.setText(message);
        boolean link = linkText != null && onLink != null;
        action.setText(link ? linkText : "");
        action.setOnAction(link ? e -> {
            clear();
            onLink.run();
        } : null);
        action.setVisible(link);
        action.setManaged(link);
        setVisible(true);
        setManaged(true);
    }

    void clear() {
        setVisible(false);
        setManaged(false);
    }

    String message() {
        return isVisible() ? text.getText() : "";
    }
}
