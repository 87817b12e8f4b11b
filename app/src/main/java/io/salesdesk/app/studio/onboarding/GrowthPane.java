package io.salesdesk.app.studio.onboarding;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.studio.onboarding.OnboardingService;
import io.salesdesk.studio.onboarding.OnboardingProgress;
import io.salesdesk.studio.onboarding.StepKind;
import io.salesdesk.studio.onboarding.StepProgress;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 成长路径 on My Day: a new hire sees where they are on their path and what is next; a manager or mentor
 * sees each hire they follow with their progress, puts a hire on a path and scores drills or gives
 * feedback. Hidden for someone with neither.
 */
public final class GrowthPane extends VBox {

    private static final double CELL_HEIGHT = 76;

    private final AppContext context;
    private final VBox mine = new VBox(6);
    private final VBox team = new VBox(8);
    private final Label teamTitle = new Label();
    private final ListView<OnboardingProgress> hires = new ListView<>();
    private final Button record = new Button(I18n.get("onboarding.record"), new FontIcon(Feather.EDIT_3));

    public GrowthPane(AppContext context) {
        super(16);
        this.context = context;
        setId("growthPane");
        mine.setId("myGrowth");
        mine.getStyleClass().add("growth-card");
        mine.setMinHeight(USE_PREF_SIZE);
        team.setId("teamGrowth");
        teamTitle.getStyleClass().add(Styles.TITLE_4);
        hires.setId("growthHires");
        hires.setCellFactory(l -> new HireCell(l));
        hires.setFixedCellSize(CELL_HEIGHT);
        Label empty = new Label(I18n.get("onboarding.team.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        hires.setPlaceholder(empty);
        hires.setOnMouseClicked(e -> {
            OnboardingProgress selected = hires.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null) {
                new GrowthDetailDialog(selected).showAndWait();
            }
        });
        Button assign = new Button(I18n.get("onboarding.assign"), new FontIcon(Feather.USER_PLUS));
        assign.setId("growthAssign");
        assign.setOnAction(e -> new AssignPathDialog(context).showAndWait().ifPresent(a -> reload()));
        record.setId("growthRecord");
        record.disableProperty().bind(hires.getSelectionModel().selectedItemProperty().isNull());
        record.setOnAction(e -> {
            OnboardingProgress selected = hires.getSelectionModel().getSelectedItem();
            if (pending(selected).isEmpty()) {
                new GrowthDetailDialog(selected).showAndWait();
            } else {
                new RecordStepDialog(context, selected).showAndWait().ifPresent(done -> reload());
            }
        });
        boolean manager = OnboardingService.mayAssign(context.currentUser().asActor());
        assign.setVisible(manager);
        assign.setManaged(manager);
        // Below the list: the pane is a narrow column, too narrow for a title and two buttons in a row.
        record.getStyleClass().add(Styles.SMALL);
        assign.getStyleClass().add(Styles.SMALL);
        HBox bar = new HBox(8, assign, record);
        bar.setAlignment(Pos.CENTER_LEFT);
        team.getChildren().addAll(teamTitle, hires, bar);
        getChildren().addAll(mine, team);
        setPrefWidth(340);
        show(Optional.empty(), List.of());
        reload();
    }

    /** Re-reads the user's own path and the hires they follow. */
    public void reload() {
        Actor actor = context.currentUser().asActor();
        LocalDate today = LocalDate.now(context.clock());
        BackgroundTask.wrap(() -> new Growth(context.onboarding().mine(actor, today),
                        context.onboarding().team(actor, today)))
                .onSuccess(g -> show(g.mine(), g.team()))
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private record Growth(Optional<OnboardingProgress> mine, List<OnboardingProgress> team) {
    }

    private void show(Optional<OnboardingProgress> own, List<OnboardingProgress> followed) {
        mine.getChildren().clear();
        own.ifPresent(this::showMine);
        mine.setVisible(own.isPresent());
        mine.setManaged(own.isPresent());
        boolean manager = OnboardingService.mayAssign(context.currentUser().asActor());
        boolean showTeam = manager || !followed.isEmpty();
        team.setVisible(showTeam);
        team.setManaged(showTeam);
        hires.getItems().setAll(followed);
        // As tall as its hires, up to three, so the tasks below keep their room.
        double height = Math.max(1, Math.min(3, followed.size())) * CELL_HEIGHT + 4;
        hires.setMinHeight(height);
        hires.setPrefHeight(height);
        teamTitle.setText(I18n.get("onboarding.team.title", followed.size()));
        setVisible(own.isPresent() || showTeam);
        setManaged(isVisible());
    }

    private void showMine(OnboardingProgress p) {
        Label title = new Label(I18n.get("onboarding.mine.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label where = new Label(I18n.get("onboarding.day", Math.max(p.day(), 0), p.assignment().definition().days(),
                p.currentStage().stage().name()));
        where.setId("myGrowthDay");
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_SMALL);
        GrowthBar bar = new GrowthBar(p);
        mine.getChildren().addAll(title, where, bar);
        for (StepProgress next : p.next(3)) {
            Label step = new Label(I18n.get("onboarding.next", next.step().title(), GrowthTexts.due(next)));
            step.setWrapText(true);
            step.getStyleClass().add(Styles.TEXT_SMALL);
            if (next.state() == StepProgress.State.OVERDUE || next.state() == StepProgress.State.FAILED) {
                step.getStyleClass().add(Styles.DANGER);
            }
            mine.getChildren().add(step);
        }
        Label mentor = new Label(I18n.get("onboarding.mentor", p.assignment().mentorName()));
        mentor.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        mine.getChildren().add(mentor);
    }

    /** The drills and feedback forms of a hire not yet done, in path order. */
    static List<StepProgress> pending(OnboardingProgress p) {
        return p.steps().stream().filter(s -> !s.done() && s.step().kind() != StepKind.LEARNING).toList();
    }

    /** A hire in the team list: name, day and stage, a progress bar, overdue steps and the latest drill. */
    private static final class HireCell extends ListCell<OnboardingProgress> {

        private final Label name = new Label();
        private final Label where = new Label();
        private final VBox box = new VBox(3);

        HireCell(ListView<OnboardingProgress> list) {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            where.getStyleClass().add(Styles.TEXT_SMALL);
            box.maxWidthProperty().bind(list.widthProperty().subtract(28));
            box.prefWidthProperty().bind(box.maxWidthProperty());
        }

        @Override
        protected void updateItem(OnboardingProgress p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            name.setText(p.assignment().hireName());
            where.setText(I18n.get("onboarding.hire.where", Math.max(p.day(), 0), p.currentStage().stage().name()));
            box.getChildren().setAll(name, where, new GrowthBar(p));
            setGraphic(box);
        }
    }
}
