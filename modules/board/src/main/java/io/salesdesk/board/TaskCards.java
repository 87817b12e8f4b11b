package io.salesdesk.board;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskFilter;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Task cards: tasks in columns by status (待办, 进行中, 已完成). */
public final class TaskCards implements CardSource {

    /** Most cards a task column loads; the header still counts them all. */
    static final int COLUMN_LIMIT = 2000;

    private final TaskService tasks;

    public TaskCards(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.TASK;
    }

    @Override
    public List<ColumnValue> columns() {
        return List.of(new ColumnValue("TODO", "待办", "To do", "#8C959F", false),
                new ColumnValue("DOING", "进行中", "Doing", "#0969DA", false),
                new ColumnValue("DONE", "已完成", "Done", "#1A7F37", false));
    }

    @Override
    public Map<String, ColumnTotal> totals(Actor viewer, BoardFilter filter, String search) {
        Map<String, ColumnTotal> totals = new HashMap<>();
        tasks.counts(viewer, filter(viewer, filter, search))
                .forEach((status, count) -> totals.put(status.name(), new ColumnTotal(count, null)));
        return totals;
    }

    @Override
    public List<Card> column(Actor viewer, String column, BoardFilter filter, String search, BoardField swimlane) {
        return tasks.column(viewer, TaskStatus.valueOf(column), filter(viewer, filter, search), COLUMN_LIMIT).stream()
                .map(t -> card(t, swimlane)).toList();
    }

    @Override
    public UUID customerOf(Card card) {
        return ((Task) card.item()).customerId();
    }

    @Override
    public Optional<Card> find(Actor viewer, UUID id, BoardField swimlane) {
        return tasks.find(viewer, id).map(t -> card(t, swimlane));
    }

    @Override
    public Card move(Actor actor, UUID id, long expectedVersion, String column, String reason, UUID above, UUID below,
                     BoardField swimlane) {
        String rank = BoardRank.betweenNeighbours(rankOf(actor, above), rankOf(actor, below));
        return card(tasks.move(actor, id, expectedVersion, TaskStatus.valueOf(column), rank), swimlane);
    }

    private String rankOf(Actor actor, UUID id) {
        return id == null ? null : tasks.find(actor, id).map(Task::rank).orElse(null);
    }

    private static Card card(Task t, BoardField swimlane) {
        String lane = swimlane == BoardField.ASSIGNEE ? t.assigneeName()
                : swimlane == BoardField.PRIORITY ? t.priority().name() : null;
        return new Card(t.id(), t.version(), t.status().name(), t.rank(), lane, t);
    }

    private static TaskFilter filter(Actor viewer, BoardFilter filter, String search) {
        return new TaskFilter(filter.mineOnly() ? Set.of(viewer.userId()) : null, null, search, null);
    }
}
