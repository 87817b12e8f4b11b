package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.studio.onboarding.OnboardingProgress;
import io.salesdesk.studio.onboarding.StepKind;
import io.salesdesk.studio.onboarding.StepProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * 评分 / 反馈: the mentor (or the hire's manager) scores a drill out of 100 or fills in a feedback form,
 * rating each question 1–5, with a comment. The step's task closes once it is done.
 */
final class RecordStepDialog extends FormDialog<Boolean> {

    private final AppContext context;
    private final OnboardingProgress progress;
    private final ComboBox<StepProgress> step;
    private final Spinner<Integer> score = new Spinner<>(0, 100, 80);
    private final TextArea comment = new TextArea();
    private final VBox ratingsBox = new VBox(8);
    private final Map<String, ToggleGroup> ratings = new LinkedHashMap<>();
    private final VBox scoreBox;

    RecordStepDialog(AppContext context, OnboardingProgress progress) {
        super(I18n.get("onboarding.record.title", progress.assignment().hireName()), "growthRecordSave");
        this.context = context;
        this.progress = progress;
        List<StepProgress> pending = GrowthPane.pending(progress);
        step = Pickers.of(pending, s -> s.step().title() + " · " + GrowthTexts.due(s), "");
        step.setId("growthStep");
        step.setMaxWidth(Double.MAX_VALUE);
        score.setId("growthScore");
        score.setEditable(true);
        comment.setId("growthComment");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        Label passLabel = new Label();
        passLabel.getStyleClass().add(Styles.TEXT_MUTED);
        scoreBox = new VBox(4, score, passLabel);
        GridPane grid = grid();
        grid.add(field("step", I18n.get("onboarding.record.step"), step), 0, 0);
        grid.add(field("score", I18n.get("onboarding.record.score"), scoreBox), 0, 1);
        grid.add(field("ratings", I18n.get("onboarding.record.ratings"), ratingsBox), 0, 2);
        grid.add(field("comment", I18n.get("onboarding.record.comment"), comment), 0, 3);
        grid.setPrefWidth(520);
        setForm(grid);
        step.valueProperty().addListener((o, was, now) -> {
            boolean drill = now != null && now.step().kind() == StepKind.DRILL;
            fieldNamed("score").setVisible(drill);
            fieldNamed("score").setManaged(drill);
            fieldNamed("ratings").setVisible(!drill);
            fieldNamed("ratings").setManaged(!drill);
            passLabel.setText(drill ? I18n.get("onboarding.record.pass", now.step().passScore()) : "");
            showQuestions(now);
            fitWindow();
        });
        step.setValue(pending.get(0));
    }

    private void showQuestions(StepProgress chosen) {
        ratingsBox.getChildren().clear();
        ratings.clear();
        if (chosen == null || chosen.step().kind() != StepKind.FEEDBACK) {
            return;
        }
        int index = 0;
        for (String question : chosen.step().questions()) {
            ToggleGroup group = new ToggleGroup();
            HBox stars = new HBox(4);
            for (int value = 1; value <= 5; value++) {
                ToggleButton button = new ToggleButton(String.valueOf(value));
                button.setId("growthRating-" + index + "-" + value);
                button.setUserData(value);
                button.setToggleGroup(group);
                stars.getChildren().add(button);
            }
            Label name = new Label(question);
            name.setMinWidth(90);
            HBox line = new HBox(12, name, stars);
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            ratingsBox.getChildren().add(line);
            ratings.put(question, group);
            index++;
        }
    }

    @Override
    protected void save() {
        Actor actor = context.currentUser().asActor();
        StepProgress chosen = step.getValue();
        String note = comment.getText();
        Map<String, Integer> given = new LinkedHashMap<>();
        ratings.forEach((question, group) -> given.put(question,
                group.getSelectedToggle() == null ? null : (Integer) group.getSelectedToggle().getUserData()));
        int points = score.getValue();
        BackgroundTask.wrap(() -> {
            if (chosen.step().kind() == StepKind.DRILL) {
                context.onboarding().recordDrill(actor, progress.assignment().id(), chosen.step().key(), points, note);
            } else {
                context.onboarding().recordFeedback(actor, progress.assignment().id(), chosen.step().key(), given,
                        note);
            }
            return Boolean.TRUE;
        }).onSuccess(this::finish).onFailure(this::showFailure).executeWith(context.executor());
    }
}
