package io.salesdesk.app.studio.onboarding;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.studio.onboarding.Assignment;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.OnboardingService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * 安排成长路径: a manager puts a new hire on a path with a mentor from a start day. Until the team has a
 * path of its own, the built-in 新员工 90 天成长路径 is offered and added when chosen.
 */
final class AssignPathDialog extends FormDialog<Assignment> {

    private final AppContext context;
    private final ComboBox<PathChoice> path;
    private final ComboBox<User> hire;
    private final ComboBox<User> mentor;
    private final DatePicker startsOn = new DatePicker();

    /** A saved path, or the built-in one not yet added (path null). */
    private record PathChoice(OnboardingPath path) {
        String label() {
            return path == null ? I18n.get("onboarding.assign.builtIn", OnboardingService.NEW_HIRE_90_DAYS)
                    : I18n.get("onboarding.assign.path", path.name(), path.definition().days());
        }
    }

    AssignPathDialog(AppContext context) {
        super(I18n.get("onboarding.assign.title"), "growthAssignSave");
        this.context = context;
        Actor actor = context.currentUser().asActor();
        List<PathChoice> choices = new ArrayList<>();
        List<OnboardingPath> saved = context.onboarding().paths();
        saved.forEach(p -> choices.add(new PathChoice(p)));
        if (saved.stream().noneMatch(p -> p.name().equals(OnboardingService.NEW_HIRE_90_DAYS))) {
            choices.add(new PathChoice(null));
        }
        path = Pickers.of(choices, PathChoice::label, "");
        path.setValue(choices.get(0));
        List<User> team = context.users().visibleOwners(actor);
        hire = Pickers.of(team.stream().filter(u -> !u.id().equals(actor.userId())).toList(), User::displayName,
                I18n.get("onboarding.assign.hirePrompt"));
        mentor = Pickers.of(team, User::displayName, I18n.get("onboarding.assign.mentorPrompt"));
        path.setId("growthPath");
        hire.setId("growthHire");
        mentor.setId("growthMentor");
        startsOn.setId("growthStartsOn");
        startsOn.setValue(LocalDate.now(context.clock()));
        path.setMaxWidth(Double.MAX_VALUE);
        hire.setMaxWidth(Double.MAX_VALUE);
        mentor.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = grid();
        grid.add(field("pathId", I18n.get("onboarding.assign.pathLabel"), path), 0, 0, 2, 1);
        grid.add(field("hireId", I18n.get("onboarding.assign.hire"), hire), 0, 1);
        grid.add(field("mentorId", I18n.get("onboarding.assign.mentor"), mentor), 1, 1);
        grid.add(field("startsOn", I18n.get("onboarding.assign.startsOn"), startsOn), 0, 2);
        Label hint = new Label(I18n.get("onboarding.assign.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        grid.add(hint, 0, 3, 2, 1);
        grid.setPrefWidth(520);
        setForm(grid);
    }

    @Override
    protected void save() {
        Actor actor = context.currentUser().asActor();
        PathChoice choice = path.getValue();
        User newHire = hire.getValue();
        User chosenMentor = mentor.getValue();
        LocalDate start = startsOn.getValue();
        BackgroundTask.wrap(() -> {
            OnboardingPath chosen = choice.path() != null ? choice.path() : context.onboarding().addNewHirePath(actor);
            return context.onboarding().assign(actor, chosen.id(), newHire == null ? null : newHire.id(),
                    chosenMentor == null ? null : chosenMentor.id(), start);
        }).onSuccess(this::finish).onFailure(this::showFailure).executeWith(context.executor());
    }
}
