package io.salesdesk.app.tasks;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.BoardScreen;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.board.BoardKind;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 任务: the task boards and, for managers and company-wide roles, the supervisor's escalation
 * board (督办看板), where overdue follow-ups and stuck approvals land by themselves.
 */
public final class TasksPage extends BoardScreen {

    public TasksPage(AppContext context, EventBus bus) {
        this(context, bus, new Button(I18n.get("tasks.new"), new FontIcon(Feather.PLUS)));
    }

    private TasksPage(AppContext context, EventBus bus, Button create) {
        super(context, I18n.get("nav.TASKS"), kinds(context), Map.of(
                BoardKind.TASK, new TaskPresenter(context, bus),
                BoardKind.ESCALATION, new EscalationPresenter(context, bus)), List.of(create));
        setId("tasksPage");
        create.setId("newTask");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> TaskFormDialog.create(context).showAndWait().ifPresent(task -> reload()));
        bus.subscribe(Navigation.OpenTaskBoard.class, e -> showBoard(e.boardId()));
    }

    private static List<BoardKind> kinds(AppContext context) {
        var role = context.currentUser().role();
        boolean supervises = role == io.salesdesk.core.Role.MANAGER || role.seesEverything();
        return supervises ? List.of(BoardKind.TASK, BoardKind.ESCALATION) : List.of(BoardKind.TASK);
    }
}
