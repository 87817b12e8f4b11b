package io.salesdesk.app.customers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.Customer;
import io.salesdesk.app.studio.CustomFieldForm;
import io.salesdesk.studio.field.CustomEntity;

/** Logs a follow-up (记录跟进): the kind comes preset from the button, the cursor waits in the note. */
final class FollowUpDialog extends FormDialog<Activity> {

    private final CustomFieldForm custom;
    private final AppContext context;
    private final Customer customer;
    private final Consumer<Activity> onSaved;
    private final ComboBox<ActivityKind> kind;
    private final ComboBox<Contact> contact;
    private final TextArea note = new TextArea();
    private final TextField outcome = new TextField();
    private final TextField nextStep = new TextField();
    private final DatePicker nextFollowUpOn = new DatePicker();
    private final TodoSuggestions todos;
    /** The note is read for to-dos once typing pauses, not on every keystroke. */
    private final PauseTransition reread = new PauseTransition(Duration.millis(250));

    private FollowUpDialog(AppContext context, Customer customer, List<Contact> contacts, ActivityKind preset,
                           Consumer<Activity> onSaved) {
        super(I18n.get("followUp.title"), "followUpSave");
        this.context = context;
        this.customer = customer;
        this.onSaved = onSaved;
        kind = Pickers.of(List.of(ActivityKind.values()), k -> I18n.label("activityKind", k), "");
        kind.setId("followUpKind");
        kind.setValue(preset);
        kind.setMaxWidth(Double.MAX_VALUE);
        contact = Pickers.optional(javafx.collections.FXCollections.observableArrayList(contacts),
                c -> c.name() + (c.title() == null ? "" : " · " + c.title()), I18n.get("followUp.noContact"));
        contact.setId("followUpContact");
        contact.setMaxWidth(Double.MAX_VALUE);
        note.setId("followUpNote");
        note.setPrefRowCount(5);
        note.setWrapText(true);
        note.setPromptText(I18n.get("followUp.note.prompt"));
        outcome.setId("followUpOutcome");
        outcome.setPromptText(I18n.get("followUp.outcome.prompt"));
        nextStep.setId("followUpNextStep");
        nextStep.setPromptText(I18n.get("followUp.nextStep.prompt"));
        nextFollowUpOn.setId("followUpNextDate");
        nextFollowUpOn.setMaxWidth(Double.MAX_VALUE);

        todos = new TodoSuggestions(context.clock());
        reread.setOnFinished(e -> {
            int before = todos.rows().size();
            todos.update(joined(note.getText(), nextStep.getText()));
            if (todos.rows().size() != before) {
                fitWindow(); // the buttons stay in view as proposals come and go
            }
        });
        note.textProperty().addListener((o, a, b) -> reread.playFromStart());
        nextStep.textProperty().addListener((o, a, b) -> reread.playFromStart());

        Label who = new Label(customer.name());
        who.getStyleClass().add(Styles.TITLE_4);
        GridPane grid = grid();
        grid.add(field("kind", I18n.get("followUp.kind"), kind), 0, 0);
        grid.add(field("contactId", I18n.get("followUp.contact"), contact), 1, 0);
        grid.add(field("note", I18n.get("followUp.note"), note), 0, 1, 2, 1);
        grid.add(field("outcome", I18n.get("followUp.outcome"), outcome), 0, 2);
        grid.add(field("nextFollowUpOn", I18n.get("followUp.nextDate"), nextFollowUpOn), 1, 2);
        grid.add(field("nextStep", I18n.get("followUp.nextStep"), nextStep), 0, 3, 2, 1);
        custom = new CustomFieldForm(context, CustomEntity.ACTIVITY, this::field);
        custom.layOut(grid, 4);
        custom.show(null);
        GridPane.setHgrow(note, Priority.ALWAYS);
        VBox form = new VBox(12, who, grid, todos);
        form.setPrefWidth(520);
        setForm(form);
        setOnShown(e -> note.requestFocus());
    }

    static void open(AppContext context, Customer customer, ActivityKind preset, Consumer<Activity> onSaved) {
        open(context, customer, List.of(), preset, onSaved);
    }

    static void open(AppContext context, Customer customer, List<Contact> contacts, ActivityKind preset,
                     Consumer<Activity> onSaved) {
        new FollowUpDialog(context, customer, contacts, preset, onSaved).show();
    }

    @Override
    protected void save() {
        clearProblems();
        Optional<String> todoProblem = todos.problem();
        if (todoProblem.isPresent()) {
            showGeneralProblem(todoProblem.get());
            return;
        }
        Contact who = contact.getValue();
        ActivityDraft draft = new ActivityDraft(kind.getValue(), null, who == null ? null : who.id(), null,
                text(note), text(outcome), text(nextStep), nextFollowUpOn.getValue());
        List<TaskDraft> tasks = todos.chosen(customer.id());
        Actor actor = context.currentUser().asActor();
        Map<String, String> customValues = custom.values();
        BackgroundTask.wrap(() -> {
            // Checked first: a refused custom value saves nothing, not a follow-up without it.
            custom.check(null, customValues);
            Activity activity = context.customers().logFollowUp(actor, customer.id(), draft);
            custom.save(actor, activity.id(), customValues);
            // The follow-up is saved whatever happens to its to-dos: a failure there is told, not retried
            // by a second press of 保存 that would log the follow-up twice.
            try {
                for (TaskDraft task : tasks) {
                    context.tasks().create(actor, task, null);
                }
                return new Saved(activity, null);
            } catch (RuntimeException e) {
                return new Saved(activity, e);
            }
        }).onSuccess(saved -> {
            finish(saved.activity());
            onSaved.accept(saved.activity());
            if (saved.todoFailure() != null) {
                ErrorDialogs.show(saved.todoFailure());
            }
        }).onFailure(this::showFailure).executeWith(context.executor());
    }

    private record Saved(Activity activity, RuntimeException todoFailure) {
    }

    private static String joined(String noteText, String nextStepText) {
        return (noteText == null ? "" : noteText) + "\n" + (nextStepText == null ? "" : nextStepText);
    }

    /** The to-dos read from the note, for tests. */
    TodoSuggestions todos() {
        return todos;
    }
}
