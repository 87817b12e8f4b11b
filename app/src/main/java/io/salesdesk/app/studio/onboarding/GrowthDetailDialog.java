package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.studio.onboarding.OnboardingProgress;
import io.salesdesk.studio.onboarding.StageProgress;
import io.salesdesk.studio.onboarding.StepProgress;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A hire's whole path: each stage with its steps, their state, scores and the mentor's comments. */
final class GrowthDetailDialog extends Dialog<Void> {

    GrowthDetailDialog(OnboardingProgress p) {
        setTitle(I18n.get("onboarding.detail.title", p.assignment().hireName(), p.assignment().pathName()));
        setHeaderText(null);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Stylesheets.addTo(getDialogPane());
        VBox content = new VBox(14);
        content.setId("growthDetail");
        Label summary = new Label(I18n.get("onboarding.detail.summary", p.assignment().mentorName(),
                io.salesdesk.app.common.Formats.date(p.assignment().startsOn()), Math.max(p.day(), 0),
                p.assignment().definition().days()));
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        content.getChildren().addAll(summary, new GrowthBar(p));
        for (StageProgress stage : p.stages()) {
            Label name = new Label(stage.stage().name() + "  " + stage.done() + "/" + stage.steps().size());
            name.getStyleClass().add(Styles.TITLE_4);
            VBox steps = new VBox(6);
            stage.steps().forEach(s -> steps.getChildren().add(stepRow(s)));
            content.getChildren().add(new VBox(6, name, steps));
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(620, 560);
        getDialogPane().setContent(scroll);
    }

    private static HBox stepRow(StepProgress s) {
        FontIcon icon = new FontIcon(switch (s.state()) {
            case DONE -> Feather.CHECK_CIRCLE;
            case FAILED, OVERDUE -> Feather.ALERT_CIRCLE;
            case OPEN -> Feather.CIRCLE;
        });
        icon.getStyleClass().add(s.done() ? Styles.SUCCESS : s.state() == StepProgress.State.OPEN ? Styles.TEXT_MUTED
                : Styles.DANGER);
        Label title = new Label(I18n.get("onboarding.kind." + s.step().kind().name()) + " · " + s.step().title());
        title.setWrapText(true);
        VBox text = new VBox(2, title);
        if (s.record() != null && (s.record().score() != null || s.record().comment() != null
                || !s.record().ratings().isEmpty())) {
            StringBuilder said = new StringBuilder();
            if (s.record().score() != null) {
                said.append(I18n.get("onboarding.detail.score", s.record().score()));
            }
            for (String question : s.step().questions()) {
                Integer rating = s.record().ratings().get(question);
                if (rating != null) {
                    said.append(said.length() == 0 ? "" : "  ").append(question).append(' ').append(rating).append("/5");
                }
            }
            if (s.record().comment() != null) {
                said.append(said.length() == 0 ? "" : "  ").append("“").append(s.record().comment()).append("”");
            }
            Label record = new Label(said.toString());
            record.setWrapText(true);
            record.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            text.getChildren().add(record);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label due = new Label(GrowthTexts.due(s));
        due.getStyleClass().add(Styles.TEXT_SMALL);
        if (!s.done() && s.state() != StepProgress.State.OPEN) {
            due.getStyleClass().add(Styles.DANGER);
        }
        due.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(8, icon, text, spacer, due);
    }
}
