package io.salesdesk.app.firstrun;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

import io.salesdesk.app.Workspace;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;

/**
 * 从演示工作区开始: makes the demo organisation (a minute or two) with a bar and the step in words,
 * then opens it. A start closed half-way finishes the demo next time (DemoSteps).
 */
final class DemoProgress extends VBox {

    /** The customers with their history, the first step, take about as long as the other steps together. */
    private static final int FIRST_STEP_WEIGHT = 12;

    DemoProgress(FirstRunWindow window, DatabaseConfig config, Executor executor) {
        super(12);
        setId("firstRunDemoProgress");
        Label title = new Label(I18n.get("firstrun.demo.creating"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(I18n.get("firstrun.demo.wait"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label step = new Label(" ");
        step.setId("firstRunDemoStep");
        getChildren().addAll(title, hint, bar, step);
        List<String> steps = Workspace.demoSteps();
        BackgroundTask.wrap(() -> Workspace.createDemo(config, Clock.systemUTC(), (name, index) ->
                Platform.runLater(() -> {
                    bar.setProgress(share(index, steps.size()));
                    step.setText(I18n.get("firstrun.demo.step", index + 1, steps.size(),
                            I18n.get("firstrun.demo.step." + name)));
                })))
                .onSuccess(none -> window.finish(Optional.of(config)))
                .onFailure(error -> {
                    ErrorDialogs.show(error);
                    window.showChoices();
                })
                .executeWith(executor);
    }

    /** How much of the work is done when step {@code index} starts: the first step weighs more. */
    static double share(int index, int steps) {
        double total = FIRST_STEP_WEIGHT + steps - 1;
        return index == 0 ? 0 : (FIRST_STEP_WEIGHT + index - 1) / total;
    }
}
