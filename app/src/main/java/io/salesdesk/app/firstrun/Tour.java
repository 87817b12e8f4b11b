package io.salesdesk.app.firstrun;

import java.util.List;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Page;

/**
 * The short tour of the main pages: each step shows a page, shades the window but for the part it
 * talks about, and says in a callout what that part is for, with 下一步 and 跳过. It lies in a layer
 * over the window's content (the scene's root is a StackPane), so the pages under it stay as they are;
 * not in a popup, whose see-through parts need a compositing window manager that not every Linux desktop has.
 */
public final class Tour {

    static final String CALLOUT_ID = "tourCallout";
    private static final double MARGIN = 16;
    private static final double CALLOUT_WIDTH = 360;

    /** One stop: the page to show (or none), the node to point at, and the words. */
    record Step(Page page, String target, String key) {
    }

    static final List<Step> STEPS = List.of(
            new Step(null, "#navigation", "tour.welcome"),
            new Step(Page.MY_DAY, "#pageHost", "tour.myDay"),
            new Step(Page.CUSTOMERS, "#pageHost", "tour.customers"),
            new Step(Page.LEADS, "#pageHost", "tour.leads"),
            new Step(Page.PIPELINE, "#pageHost", "tour.pipeline"),
            new Step(Page.DASHBOARD, "#pageHost", "tour.dashboard"),
            new Step(null, "#helpButton", "tour.help"));

    private final Scene scene;
    private final Consumer<Page> showPage;
    private final Runnable finished;
    private final Pane layer = new Pane();
    private final InvalidationListener relayout = obs -> layoutStep();
    private int step = -1;

    /**
     * @param showPage shows a page in the window
     * @param finished runs once when the tour ends, finished or skipped
     */
    public Tour(Scene scene, Consumer<Page> showPage, Runnable finished) {
        this.scene = scene;
        this.showPage = showPage;
        this.finished = finished;
        layer.setId("tourLayer");
        layer.setManaged(false);
    }

    /** Starts at the first step; does nothing on a scene without a layered root. */
    public void start() {
        if (!(scene.getRoot() instanceof StackPane layers)) {
            return;
        }
        scene.widthProperty().addListener(relayout);
        scene.heightProperty().addListener(relayout);
        layers.getChildren().add(layer);
        go(0);
    }

    /** The step on screen, counted from 0; -1 when the tour is over. */
    int step() {
        return step;
    }

    private void go(int index) {
        if (index >= STEPS.size()) {
            end();
            return;
        }
        step = index;
        Page page = STEPS.get(index).page();
        if (page != null) {
            showPage.accept(page);
        }
        // The page lays out on the next pulse; its bounds are right after that.
        Platform.runLater(this::layoutStep);
    }

    private void end() {
        step = -1;
        scene.widthProperty().removeListener(relayout);
        scene.heightProperty().removeListener(relayout);
        if (layer.getParent() instanceof StackPane layers) {
            layers.getChildren().remove(layer);
        }
        finished.run();
    }

    private void layoutStep() {
        if (step < 0) {
            return;
        }
        double width = scene.getWidth();
        double height = scene.getHeight();
        Step current = STEPS.get(step);
        Node target = scene.lookup(current.target());
        Bounds hole = target == null ? null : target.localToScene(target.getBoundsInLocal());
        Rectangle all = new Rectangle(width, height);
        Shape shade = all;
        Rectangle ring = null;
        if (hole != null) {
            // A page is ringed just inside its edge, a button just outside it, so neither is cut off.
            double inset = hole.getHeight() < 100 ? -4 : 4;
            Rectangle cut = new Rectangle(hole.getMinX() + inset, hole.getMinY() + inset,
                    hole.getWidth() - 2 * inset, hole.getHeight() - 2 * inset);
            cut.setArcWidth(12);
            cut.setArcHeight(12);
            shade = Shape.subtract(all, cut);
            ring = new Rectangle(cut.getX(), cut.getY(), cut.getWidth(), cut.getHeight());
            ring.setArcWidth(12);
            ring.setArcHeight(12);
            ring.getStyleClass().add("tour-ring");
            ring.setMouseTransparent(true);
        }
        shade.getStyleClass().add("tour-shade");
        VBox callout = callout(current);
        layer.getChildren().setAll(shade);
        if (ring != null) {
            layer.getChildren().add(ring);
        }
        layer.getChildren().add(callout);
        layer.resizeRelocate(0, 0, width, height);
        callout.applyCss();
        callout.autosize();
        double calloutHeight = callout.prefHeight(CALLOUT_WIDTH);
        double x;
        double y;
        if (hole == null) {
            x = (width - CALLOUT_WIDTH) / 2;
            y = (height - calloutHeight) / 2;
        } else if (hole.getWidth() < width / 3) {
            // A narrow part (the navigation, a button): the callout beside it, level with it.
            x = hole.getMaxX() + MARGIN;
            y = Math.min(hole.getMinY() + (hole.getHeight() > 200 ? 80 : 0), height - calloutHeight - MARGIN);
        } else {
            // A whole page: the callout in its lower right corner, where pages have least.
            x = hole.getMaxX() - CALLOUT_WIDTH - 2 * MARGIN;
            y = hole.getMaxY() - calloutHeight - 2 * MARGIN;
        }
        callout.relocate(Math.max(MARGIN, x), Math.max(MARGIN, y));
    }

    private VBox callout(Step current) {
        Label count = new Label(I18n.get("tour.count", step + 1, STEPS.size()));
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label title = new Label(I18n.get(current.key() + ".title"));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setId("tourTitle");
        Label text = new Label(I18n.get(current.key() + ".text"));
        text.setWrapText(true);
        Button skip = new Button(I18n.get("tour.skip"));
        skip.setId("tourSkip");
        skip.getStyleClass().add(Styles.FLAT);
        skip.setOnAction(e -> end());
        boolean last = step == STEPS.size() - 1;
        Button next = new Button(I18n.get(last ? "tour.done" : "tour.next"));
        next.setId("tourNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.setOnAction(e -> go(step + 1));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, skip, spacer, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (last) {
            skip.setVisible(false);
        }
        VBox callout = new VBox(8, count, title, text, buttons);
        callout.setId(CALLOUT_ID);
        callout.getStyleClass().add("tour-callout");
        callout.setPrefWidth(CALLOUT_WIDTH);
        callout.setMaxWidth(CALLOUT_WIDTH);
        return callout;
    }
}
