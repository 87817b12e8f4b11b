package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.onboarding.OnboardingProgress;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A hire's progress at a glance: a bar, steps done of all, overdue steps in red, the latest drill score. */
final class GrowthBar extends VBox {

    GrowthBar(OnboardingProgress p) {
        super(2);
        ProgressBar bar = new ProgressBar(p.percent() / 100.0);
        if (p.overdue() > 0) {
            bar.getStyleClass().add("growth-late");
        }
        bar.setMaxWidth(Double.MAX_VALUE);
        // In My Day's column, squeezed by the task list below, a bar would otherwise shrink to nothing.
        bar.setMinHeight(USE_PREF_SIZE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        long done = p.steps().stream().filter(s -> s.done()).count();
        Label figures = new Label(I18n.get("onboarding.done", done, p.steps().size(), p.percent()));
        figures.getStyleClass().add(Styles.TEXT_SMALL);
        HBox line = new HBox(6, figures);
        if (p.overdue() > 0) {
            Label overdue = new Label(I18n.get("onboarding.overdue", p.overdue()));
            overdue.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
            line.getChildren().add(overdue);
        }
        p.latestDrill().ifPresent(d -> {
            Label drill = new Label(I18n.get("onboarding.latestDrill", d.record().score()));
            drill.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            line.getChildren().add(drill);
        });
        getChildren().addAll(bar, line);
    }
}
