package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.onboarding.PathStage;
import io.salesdesk.studio.onboarding.PathStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One stage in the path editor: its name and the day it ends (it starts the day after the stage before,
 * so stages never leave a gap or overlap), and its steps.
 */
final class PathStageEditor extends VBox {

    private final String key;
    private final Label number = new Label();
    private final TextField name = new TextField();
    private final Label from = new Label();
    private final TextField toDay = new TextField();
    private final VBox steps = new VBox(6);
    private final Supplier<String> newStepKey;
    private final Runnable changed;
    private int fromDay = 1;

    /**
     * @param newStepKey a key no other step of the path has
     * @param changed    called when the stage's days or steps change, so the dialog renumbers and resizes
     */
    PathStageEditor(String key, PathStage existing, Supplier<String> newStepKey, Runnable changed,
                    Consumer<PathStageEditor> remove) {
        super(8);
        this.key = key;
        this.newStepKey = newStepKey;
        this.changed = changed;
        getStyleClass().add("path-stage");
        number.getStyleClass().add(Styles.TEXT_BOLD);
        name.getStyleClass().add("path-stage-name");
        name.setPromptText(I18n.get("paths.editor.stageNamePrompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        from.getStyleClass().add(Styles.TEXT_MUTED);
        from.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        toDay.getStyleClass().add("path-stage-to");
        toDay.setPrefColumnCount(3);
        toDay.textProperty().addListener((o, was, now) -> changed.run());
        Label dayAfter = new Label(I18n.get("paths.editor.dayAfter"));
        dayAfter.getStyleClass().add(Styles.TEXT_MUTED);
        dayAfter.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button delete = new Button(null, new FontIcon(Feather.TRASH_2));
        delete.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "path-stage-remove");
        delete.setTooltip(new Tooltip(I18n.get("paths.editor.removeStage")));
        delete.setOnAction(e -> remove.accept(this));
        HBox header = new HBox(8, number, name, from, toDay, dayAfter, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        Button addStep = new Button(I18n.get("paths.editor.addStep"), new FontIcon(Feather.PLUS));
        addStep.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "path-add-step");
        addStep.setOnAction(e -> addStep(null));
        getChildren().addAll(header, steps, addStep);
        if (existing != null) {
            name.setText(existing.name());
            toDay.setText(String.valueOf(existing.toDay()));
            existing.steps().forEach(this::addStep);
        }
    }

    private void addStep(PathStep existing) {
        PathStepRow row = new PathStepRow(existing == null ? newStepKey.get() : existing.key(), existing, r -> {
            steps.getChildren().remove(r);
            changed.run();
        });
        if (existing == null) {
            Integer end = PathNumbers.parse(toDay.getText());
            row.defaultDueDay(end == null ? fromDay : end);
        }
        steps.getChildren().add(row);
        changed.run();
    }

    /** Numbers the stage and sets the day it starts; returns the day the next one starts. */
    int place(int index, int startsOn) {
        fromDay = startsOn;
        number.setText(I18n.get("paths.editor.stageNumber", index + 1));
        from.setText(I18n.get("paths.editor.dayFrom", startsOn));
        Integer end = PathNumbers.parse(toDay.getText());
        return (end == null || end < startsOn ? startsOn : end) + 1;
    }

    /** Gives a new stage a length when the user has not typed one. */
    void defaultToDay(int day) {
        if (toDay.getText().isBlank()) {
            toDay.setText(String.valueOf(day));
        }
    }

    PathStage stage() {
        List<PathStep> entered = new ArrayList<>();
        steps.getChildren().forEach(n -> entered.add(((PathStepRow) n).step()));
        Integer end = PathNumbers.parse(toDay.getText());
        return new PathStage(key, name.getText() == null ? "" : name.getText().strip(), fromDay,
                end == null ? fromDay - 1 : end, entered);
    }
}
