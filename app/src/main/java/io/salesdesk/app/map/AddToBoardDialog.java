package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.board.Board;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.task.CustomerTasks;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.User;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * 加入看板 for the customers selected on the map: one task card per customer on a task board — for
 * each customer's own rep, or one chosen person — with a title and a due date. A customer that already
 * has an open task of that title gets no second one.
 */
final class AddToBoardDialog extends FormDialog<AddToBoardDialog.Added> {

    /** Tasks are due at the end of the working day. */
    private static final LocalTime DUE_TIME = LocalTime.of(18, 0);

    /** What was added, and to which board (for 打开看板). */
    record Added(Board board, CustomerTasks tasks) {
    }

    private final AppContext context;
    private final List<Customer> customers;
    private final ComboBox<Board> board;
    private final ComboBox<User> assignee;
    private final TextField title = new TextField();
    private final TextField description = new TextField();
    private final DatePicker due = new DatePicker();

    AddToBoardDialog(AppContext context, List<Customer> customers) {
        super(I18n.get("map.board.title"), "mapBoardSave");
        this.context = context;
        this.customers = List.copyOf(customers);
        ((Button) getDialogPane().lookupButton(saveType)).setText(I18n.get("map.board.save"));
        List<Board> boards = context.boards().boards(BoardKind.TASK);
        board = Pickers.of(boards, Board::name, I18n.get("map.board.board.prompt"));
        board.setId("mapBoardPicker");
        board.setMaxWidth(Double.MAX_VALUE);
        if (!boards.isEmpty()) {
            board.setValue(boards.get(0));
        }
        // None chosen (the first entry) means each customer's own rep.
        assignee = Pickers.optional(FXCollections.observableArrayList(
                        context.users().visibleOwners(context.currentUser().asActor())),
                u -> I18n.get("map.assign.repLabel", u.displayName(), u.orgUnitName()),
                I18n.get("map.board.assignee.owners"));
        assignee.setId("mapBoardAssignee");
        assignee.setMaxWidth(Double.MAX_VALUE);
        title.setId("mapBoardTaskTitle");
        title.setText(I18n.get("map.board.defaultTaskTitle"));
        description.setId("mapBoardTaskDescription");
        description.setPromptText(I18n.get("map.board.description.prompt"));
        due.setId("mapBoardDue");
        due.setValue(LocalDate.now(context.clock()).plusDays(7));
        Label what = new Label(I18n.get("map.board.what", customers.size()));
        what.getStyleClass().add(Styles.TEXT_BOLD);
        what.setWrapText(true);
        VBox form = new VBox(12, what,
                field("boardId", I18n.get("map.board.board"), board),
                field("title", I18n.get("map.board.taskTitle"), title),
                field("description", I18n.get("map.board.description"), description),
                field("assigneeId", I18n.get("map.board.assignee"), assignee),
                field("dueAt", I18n.get("map.board.due"), due));
        form.setPrefWidth(460);
        setForm(form);
        setOnShown(e -> title.requestFocus());
    }

    @Override
    protected void save() {
        clearProblems();
        Board chosen = board.getValue();
        if (chosen == null) {
            fieldNamed("boardId").showProblem(I18n.get("map.board.board.required"));
            return;
        }
        var actor = context.currentUser().asActor();
        OffsetDateTime dueAt = due.getValue() == null ? null
                : due.getValue().atTime(DUE_TIME).atZone(context.clock().getZone()).toOffsetDateTime();
        UUID person = assignee.getValue() == null ? null : assignee.getValue().id();
        TaskDraft template = new TaskDraft(title.getText(), description.getText(), person, TaskPriority.NORMAL,
                dueAt, null, null);
        List<UUID> ids = customers.stream().map(Customer::id).toList();
        getDialogPane().setDisable(true);
        BackgroundTask.wrap(() -> context.tasks().createForCustomers(actor, ids, template))
                .onFinished(() -> getDialogPane().setDisable(false))
                .onSuccess(tasks -> finish(new Added(chosen, tasks)))
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
