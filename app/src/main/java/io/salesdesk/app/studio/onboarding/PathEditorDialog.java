package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.PathDefinition;
import io.salesdesk.studio.onboarding.PathStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The path editor: a path's name and description, its stages in order (each a name and the day it ends)
 * and each stage's steps. Saving a new or copied path defines it; saving an edited one makes its next
 * version, which hires put on it from now on get (those on it keep theirs).
 */
final class PathEditorDialog extends FormDialog<OnboardingPath> {

    /** How long a new stage runs when the user has not said. */
    private static final int STAGE_DAYS = 30;

    private final AppContext context;
    private final OnboardingPath existing;
    private final TextField name = new TextField();
    private final TextField description = new TextField();
    private final VBox stages = new VBox(12);
    private final Label summary = new Label();
    private final Set<String> usedKeys = new HashSet<>();
    private int nextKey = 1;

    /** @param asCopy start from {@code path} but save a new path (its name marked as a copy) */
    PathEditorDialog(AppContext context, OnboardingPath path, boolean asCopy) {
        super(I18n.get(path == null ? "paths.editor.newTitle" : asCopy ? "paths.editor.copyTitle"
                : "paths.editor.editTitle"), "pathSave");
        this.context = context;
        this.existing = asCopy ? null : path;
        name.setId("pathName");
        name.setPromptText(I18n.get("paths.editor.namePrompt"));
        description.setId("pathDescription");
        description.setPromptText(I18n.get("paths.editor.descriptionPrompt"));
        stages.setId("pathStages");
        summary.setId("pathSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Button addStage = new Button(I18n.get("paths.editor.addStage"), new FontIcon(Feather.PLUS));
        addStage.setId("pathAddStage");
        addStage.getStyleClass().add(Styles.FLAT);
        addStage.setOnAction(e -> addStage(null));
        ScrollPane scroll = new ScrollPane(stages);
        scroll.setFitToWidth(true);
        // As tall as the stages, up to a height that keeps the dialog on a laptop screen.
        scroll.prefViewportHeightProperty().bind(Bindings.min(340, stages.heightProperty()));
        stages.heightProperty().addListener((o, was, now) -> fitWindow());
        scroll.getStyleClass().add("path-stages-scroll");
        Label hint = new Label(I18n.get("paths.editor.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox form = new VBox(12,
                field("name", I18n.get("paths.editor.name"), name),
                field("description", I18n.get("paths.editor.description"), description),
                field("stages", I18n.get("paths.editor.stages"), new VBox(8, hint, scroll, addStage, summary)));
        form.setPrefWidth(840);
        setForm(form);
        // AtlantaFX caps dialogs at 600 px; a step's kind, title, day and score need the room.
        getDialogPane().getStyleClass().add("wide-dialog");
        getDialogPane().setPrefWidth(880);
        if (path != null) {
            path.definition().steps().forEach(s -> usedKeys.add(s.key()));
            name.setText(asCopy ? I18n.get("paths.copyName", path.name()) : path.name());
            description.setText(path.description() == null ? "" : path.description());
            path.definition().stages().forEach(this::addStage);
        } else {
            addStage(null);
        }
        setOnShown(e -> name.requestFocus());
    }

    private void addStage(PathStage stage) {
        String key = stage != null ? stage.key() : newKey("stage");
        PathStageEditor editor = new PathStageEditor(key, stage, () -> newKey("step"), this::renumber, e -> {
            stages.getChildren().remove(e);
            renumber();
        });
        stages.getChildren().add(editor);
        renumber();
        if (stage == null) {
            int from = editor.stage().fromDay();
            editor.defaultToDay(from + STAGE_DAYS - 1);
        }
    }

    /** Each stage starts the day after the one before ends; the summary says how long the path runs. */
    private void renumber() {
        int day = 1;
        List<javafx.scene.Node> editors = stages.getChildren();
        for (int i = 0; i < editors.size(); i++) {
            day = ((PathStageEditor) editors.get(i)).place(i, day);
        }
        PathDefinition d = definition();
        summary.setText(I18n.get("paths.editor.summary", d.stages().size(), d.days(), d.steps().size()));
        fitWindow();
    }

    private String newKey(String prefix) {
        String key;
        do {
            key = prefix + "-" + nextKey++;
        } while (!usedKeys.add(key));
        return key;
    }

    private PathDefinition definition() {
        List<PathStage> entered = new ArrayList<>();
        stages.getChildren().forEach(n -> entered.add(((PathStageEditor) n).stage()));
        return new PathDefinition(entered);
    }

    @Override
    protected void save() {
        var actor = context.currentUser().asActor();
        String pathName = name.getText();
        String about = description.getText() == null || description.getText().isBlank() ? null
                : description.getText().strip();
        PathDefinition definition = definition();
        BackgroundTask.wrap(() -> existing == null
                        ? context.onboarding().define(actor, pathName, about, definition)
                        : context.onboarding().update(actor, existing.id(), existing.version(), pathName, about,
                        definition))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        ErrorDialogs.show(error);
                        close();
                    } else {
                        showFailure(error);
                    }
                }).executeWith(context.executor());
    }
}
