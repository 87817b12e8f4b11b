package io.salesdesk.app.settings;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The row of section names under the settings title: a company's administrator has a dozen
 * sections on one page, and finds 审批流程 by its name instead of by scrolling past the others.
 * Rebuilt whenever sections come, go, show or hide, so a section added anywhere is listed in page order.
 */
final class SettingsIndex extends FlowPane {

    private final VBox page;
    /** The sections whose showing and hiding is watched: one that shows only sometimes is listed only then. */
    private final java.util.Set<Node> watched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    SettingsIndex(VBox page) {
        super(6, 6);
        this.page = page;
        setId("settingsIndex");
        setAlignment(Pos.CENTER_LEFT);
        page.getChildren().addListener((ListChangeListener<Node>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Label lead = new Label(I18n.get("settings.index"));
        lead.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().setAll(lead);
        int n = 0;
        for (Node child : page.getChildren()) {
            if (child.getStyleClass().contains("settings-section") && watched.add(child)) {
                child.visibleProperty().addListener((o, was, now) -> rebuild());
            }
            if (child.getStyleClass().contains("settings-section") && child.isVisible() && child instanceof VBox section
                    && !section.getChildren().isEmpty() && section.getChildren().get(0) instanceof Label heading) {
                Button jump = new Button(heading.getText());
                jump.setId("settingsJump-" + n++);
                jump.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
                jump.setOnAction(e -> reveal(section));
                getChildren().add(jump);
            }
        }
        setVisible(n > 2);
        setManaged(n > 2);
    }

    /** Scrolls the page's scroll pane so the section's heading is at the top of the view. */
    private void reveal(Node section) {
        ScrollPane scroll = enclosingScroll();
        if (scroll == null || scroll.getContent() == null) {
            return;
        }
        Bounds content = scroll.getContent().getLayoutBounds();
        Bounds viewport = scroll.getViewportBounds();
        double range = content.getHeight() - viewport.getHeight();
        if (range <= 0) {
            return;
        }
        double y = scroll.getContent().sceneToLocal(section.localToScene(section.getLayoutBounds())).getMinY();
        scroll.setVvalue(Math.min(1, Math.max(0, y / range)));
        section.requestFocus();
    }

    private ScrollPane enclosingScroll() {
        Parent p = page.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return (ScrollPane) p;
    }
}
