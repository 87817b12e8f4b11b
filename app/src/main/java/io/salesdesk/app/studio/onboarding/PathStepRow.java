package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.onboarding.PathStep;
import io.salesdesk.studio.onboarding.StepKind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One step of a stage in the path editor: its kind (learning task, mentor feedback form, drill), title and
 * due day, and for a drill the pass score, for a feedback form the questions the mentor rates.
 */
final class PathStepRow extends HBox {

    private final String key;
    private final String detail;
    private final ComboBox<StepKind> kind = Pickers.of(List.of(StepKind.values()),
            k -> I18n.get("onboarding.kind." + k.name()), I18n.get("paths.editor.pickKind"));
    private final TextField title = new TextField();
    private final TextField dueDay = new TextField();
    private final Label passLabel = new Label(I18n.get("paths.editor.passScore"));
    private final TextField passScore = new TextField();
    private final TextField questions = new TextField();

    /** @param key the step's key: kept from the path it came from, so a new version names the same steps */
    PathStepRow(String key, PathStep existing, Consumer<PathStepRow> remove) {
        super(8);
        this.key = key;
        this.detail = existing == null ? null : existing.detail();
        getStyleClass().add("path-step");
        setAlignment(Pos.CENTER_LEFT);
        kind.getStyleClass().add("path-step-kind");
        kind.setPrefWidth(120);
        kind.setMinWidth(120);
        title.getStyleClass().add("path-step-title");
        title.setPromptText(I18n.get("paths.editor.stepTitlePrompt"));
        // The same width on every row, so kinds, titles and days line up; a drill's score or a feedback
        // form's questions follow.
        title.setPrefWidth(320);
        title.setMinWidth(160);
        dueDay.getStyleClass().add("path-step-due");
        dueDay.setPrefColumnCount(3);
        passScore.getStyleClass().add("path-step-pass");
        passScore.setPrefColumnCount(3);
        questions.getStyleClass().add("path-step-questions");
        questions.setPromptText(I18n.get("paths.editor.questionsPrompt"));
        questions.setPrefColumnCount(12);
        questions.setMinWidth(140);
        HBox.setHgrow(questions, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        Button delete = new Button(null, new FontIcon(Feather.X));
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "path-step-remove");
        delete.setTooltip(new Tooltip(I18n.get("paths.editor.removeStep")));
        delete.setOnAction(e -> remove.accept(this));
        Label dayBefore = muted(I18n.get("paths.editor.dueBefore"));
        Label dayAfter = muted(I18n.get("paths.editor.dueAfter"));
        passLabel.getStyleClass().add(Styles.TEXT_MUTED);
        passLabel.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(kind, title, dayBefore, dueDay, dayAfter, passLabel, passScore, questions, spacer, delete);
        kind.valueProperty().addListener((o, was, now) -> show(now));
        if (existing != null) {
            kind.setValue(existing.kind());
            title.setText(existing.title());
            dueDay.setText(String.valueOf(existing.dueDay()));
            passScore.setText(existing.passScore() == null ? "" : existing.passScore().toString());
            questions.setText(String.join("、", existing.questions()));
        } else {
            kind.setValue(StepKind.LEARNING);
        }
        show(kind.getValue());
    }

    private void show(StepKind k) {
        boolean drill = k == StepKind.DRILL;
        shown(passLabel, drill);
        shown(passScore, drill);
        shown(questions, k == StepKind.FEEDBACK);
        if (drill && passScore.getText().isBlank()) {
            passScore.setText("80");
        }
    }

    /** Sets the due day when it is still empty (a new step is due on its stage's last day). */
    void defaultDueDay(int day) {
        if (dueDay.getText().isBlank()) {
            dueDay.setText(String.valueOf(day));
        }
    }

    /** The step as entered; a day or score that is no number is left out of range for the service to name. */
    PathStep step() {
        StepKind k = kind.getValue();
        Integer pass = k == StepKind.DRILL ? PathNumbers.parse(passScore.getText()) : null;
        List<String> asked = k == StepKind.FEEDBACK ? Arrays.stream(questions.getText().split("[、,，;；\\n]"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        Integer day = PathNumbers.parse(dueDay.getText());
        return new PathStep(key, k, title.getText() == null ? "" : title.getText().strip(), detail,
                day == null ? 0 : day, pass == null && k == StepKind.DRILL ? Integer.valueOf(0) : pass, asked);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        // Words beside a field are never cut to "…": the title gives way instead.
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
