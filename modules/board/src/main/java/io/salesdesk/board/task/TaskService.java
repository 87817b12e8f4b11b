package io.salesdesk.board.task;

import io.salesdesk.board.CardRanks;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jooq.Configuration;

/**
 * Tasks: the task board, the detail pane, My Day and the reminder job. Each call is one
 * transaction; a task is visible to whoever sees its assignee's records.
 */
public final class TaskService {

    /** Most tasks a reminder run picks up at once; the next run takes the rest. */
    public static final int REMINDER_BATCH = 500;

    private final Database db;
    private final Clock clock;

    public TaskService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a task at the top of its column; see {@link #create(Actor, TaskDraft, TaskStatus, ChangeReason)}. */
    public Task create(Actor actor, TaskDraft draft, TaskStatus status) {
        return create(actor, draft, status, ChangeReason.user());
    }

    /**
     * Creates a task at the top of its status column (null status: {@link TaskStatus#TODO}).
     *
     * @throws ValidationException listing each refused field, among them an assignee, customer or
     *                             deal the actor may not see
     */
    public Task create(Actor actor, TaskDraft draft, TaskStatus status, ChangeReason reason) {
        return db.transactionResult(cfg -> create(cfg, actor, draft, status, reason));
    }

    /**
     * {@link #create(Actor, TaskDraft, TaskStatus, ChangeReason)} in the caller's transaction, so the
     * tasks of a larger piece of work (an onboarding path's learning tasks) are written with it or not at all.
     */
    public Task create(Configuration cfg, Actor actor, TaskDraft draft, TaskStatus status, ChangeReason reason) {
        TaskDraft valid = TaskValidator.task(actor, draft);
        TaskStatus column = status == null ? TaskStatus.TODO : status;
        TaskRepository tasks = tasks(cfg);
        checkLinks(actor, cfg, tasks, valid, null);
        OffsetDateTime now = Rows.now(clock);
        TaskFields fields = new TaskFields(valid.title(), valid.description(), valid.assigneeId(), column,
                valid.priority(), valid.dueAt(), valid.customerId(), valid.opportunityId(), null,
                column == TaskStatus.DONE ? now : null, BoardRank.between(null, tasks.topRank(column)));
        return tasks.insert(actor, reason, Ids.newId(clock), fields);
    }

    /**
     * Moves a task to done in the caller's transaction, whatever its version, once the work it asked
     * for was recorded elsewhere (a drill score, a mentor's feedback). A task already done or deleted
     * is left as it is.
     */
    public void complete(Configuration cfg, Actor actor, UUID id, ChangeReason reason) {
        TaskRepository tasks = tasks(cfg);
        tasks.findAny(id).filter(t -> t.status() != TaskStatus.DONE).ifPresent(t -> tasks.update(actor, reason, id,
                t.version(), TaskFields.of(t).moved(TaskStatus.DONE, BoardRank.between(null,
                        tasks.topRank(TaskStatus.DONE)), Rows.now(clock))));
    }

    /**
     * One task per customer from a template (加入看板 for customers selected on the map), all in one
     * transaction: a customer the actor may not see, or an assignee they may not assign to, refuses the
     * whole batch. The template's assignee, or with none each customer's own rep, gets the task; the
     * template's customer and deal are ignored.
     */
    public CustomerTasks createForCustomers(Actor actor, List<UUID> customerIds, TaskDraft template) {
        TaskDraft valid = TaskValidator.task(actor, template);
        UUID chosenAssignee = template.assigneeId();
        return db.transactionResult(cfg -> {
            TaskRepository tasks = tasks(cfg);
            CustomerRepository customers = CustomerRepository.using(cfg, clock, UnaryOperator.identity());
            var alreadyOpen = tasks.customersWithOpenTask(customerIds, valid.title());
            // Read once: the batch may be thousands of customers.
            var assignable = UserRepository.using(cfg, clock).visibleTo(actor).stream().map(User::id)
                    .collect(Collectors.toSet());
            List<Task> created = new ArrayList<>();
            List<Customer> skipped = new ArrayList<>();
            List<Customer> withoutOwner = new ArrayList<>();
            for (UUID customerId : new LinkedHashSet<>(customerIds)) {
                Customer customer = customers.find(actor, customerId)
                        .orElseThrow(() -> new ValidationException(
                                List.of(FieldProblem.of("customerId", "task.customer.unknown"))));
                if (alreadyOpen.contains(customerId)) {
                    skipped.add(customer);
                    continue;
                }
                UUID assignee = chosenAssignee != null ? chosenAssignee : customer.ownerId();
                if (assignee == null) {
                    withoutOwner.add(customer);
                    continue;
                }
                if (!assignable.contains(assignee)) {
                    throw new ValidationException(List.of(FieldProblem.of("assigneeId", "task.assignee.notAllowed")));
                }
                TaskFields fields = new TaskFields(valid.title(), valid.description(), assignee, TaskStatus.TODO,
                        valid.priority(), valid.dueAt(), customerId, null, null, null,
                        BoardRank.between(null, tasks.topRank(TaskStatus.TODO)));
                created.add(tasks.insert(actor, ChangeReason.user(), Ids.newId(clock), fields));
            }
            return new CustomerTasks(created, skipped, withoutOwner);
        });
    }

    /** Saves an edit; see {@link #update(Actor, UUID, long, TaskDraft, ChangeReason)}. */
    public Task update(Actor actor, UUID id, long expectedVersion, TaskDraft draft) {
        return update(actor, id, expectedVersion, draft, ChangeReason.user());
    }

    /**
     * Saves an edit made on {@code expectedVersion}. A new due time earns a new reminder.
     *
     * @throws SalesDeskException    {@code task.notFound} if the actor may not see the task
     * @throws ValidationException   listing each refused field
     * @throws StaleRecordException  if someone changed or deleted the task meanwhile
     */
    public Task update(Actor actor, UUID id, long expectedVersion, TaskDraft draft, ChangeReason reason) {
        TaskDraft valid = TaskValidator.task(actor, draft);
        return db.transactionResult(cfg -> {
            TaskRepository tasks = tasks(cfg);
            Task current = current(actor, tasks, id, expectedVersion);
            checkLinks(actor, cfg, tasks, valid, current);
            return tasks.update(actor, reason, id, expectedVersion, TaskFields.of(current).edited(valid));
        });
    }

    /** Moves a card; see {@link #move(Actor, UUID, long, TaskStatus, String, ChangeReason)}. */
    public Task move(Actor actor, UUID id, long expectedVersion, TaskStatus status, String rank) {
        return move(actor, id, expectedVersion, status, rank, ChangeReason.user());
    }

    /**
     * Moves a card to a column and a place in it. Moving into DONE stamps the completion time,
     * moving out of it clears it.
     *
     * @param rank the new rank ({@link BoardRank#between} of the new neighbours), or null for the
     *             top of the column
     * @throws SalesDeskException   {@code task.notFound} if the actor may not see the task,
     *                              {@code task.rank.invalid} for a malformed rank
     * @throws StaleRecordException if the task changed or was deleted since {@code expectedVersion}
     */
    public Task move(Actor actor, UUID id, long expectedVersion, TaskStatus status, String rank,
                     ChangeReason reason) {
        Objects.requireNonNull(status, "status");
        if (rank != null) {
            CardRanks.require(rank, "task.rank.invalid");
        }
        return db.transactionResult(cfg -> {
            TaskRepository tasks = tasks(cfg);
            Task current = current(actor, tasks, id, expectedVersion);
            String newRank = rank != null ? rank : BoardRank.between(null, tasks.topRank(status));
            return tasks.update(actor, reason, id, expectedVersion,
                    TaskFields.of(current).moved(status, newRank, Rows.now(clock)));
        });
    }

    /** Deletes a task; see {@link #delete(Actor, UUID, long, ChangeReason)}. */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        delete(actor, id, expectedVersion, ChangeReason.user());
    }

    /**
     * Soft-deletes a task (kept for undo, sync and the audit trail).
     *
     * @throws SalesDeskException   {@code task.notFound} if the actor may not see the task
     * @throws StaleRecordException if the task changed or was deleted since {@code expectedVersion}
     */
    public void delete(Actor actor, UUID id, long expectedVersion, ChangeReason reason) {
        db.transaction(cfg -> {
            TaskRepository tasks = tasks(cfg);
            current(actor, tasks, id, expectedVersion);
            tasks.delete(actor, reason, id, expectedVersion);
        });
    }

    /** The task with its checklist and comments, if it is live and the viewer may see it. */
    public Optional<TaskDetail> open(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> tasks(cfg).find(viewer, id).map(task -> new TaskDetail(task,
                TaskChecklistItemRepository.using(cfg, clock).forTask(id),
                TaskCommentRepository.using(cfg, clock).forTask(id))));
    }

    /**
     * Appends a step to a task's checklist.
     *
     * @throws SalesDeskException  {@code task.notFound} if the actor may not see the task
     * @throws ValidationException if the label is blank or too long
     */
    public ChecklistItem addChecklistItem(Actor actor, UUID taskId, String label) {
        String valid = TaskValidator.label(label);
        return db.transactionResult(cfg -> {
            requireLive(actor, tasks(cfg), taskId);
            return TaskChecklistItemRepository.using(cfg, clock).append(actor, ChangeReason.user(), Ids.newId(clock),
                    taskId, valid);
        });
    }

    /**
     * Ticks a checklist step off, or on again.
     *
     * @throws SalesDeskException   {@code task.checklist.notFound} / {@code task.notFound} if the
     *                              step or its task is gone or not visible to the actor
     * @throws StaleRecordException if the step changed since {@code expectedVersion}
     */
    public ChecklistItem setChecklistItemDone(Actor actor, UUID itemId, long expectedVersion, boolean done) {
        return db.transactionResult(cfg -> {
            TaskChecklistItemRepository items = TaskChecklistItemRepository.using(cfg, clock);
            ChecklistItem item = items.find(itemId)
                    .orElseThrow(() -> new SalesDeskException("task.checklist.notFound", itemId));
            requireLive(actor, tasks(cfg), item.taskId());
            return items.setDone(actor, ChangeReason.user(), itemId, expectedVersion, done);
        });
    }

    /**
     * Adds the actor's comment to a task.
     *
     * @throws SalesDeskException  {@code task.notFound} if the actor may not see the task
     * @throws ValidationException if the body is blank or too long
     */
    public TaskComment addComment(Actor actor, UUID taskId, String body) {
        String valid = TaskValidator.comment(body);
        return db.transactionResult(cfg -> {
            requireLive(actor, tasks(cfg), taskId);
            return TaskCommentRepository.using(cfg, clock).insert(actor, ChangeReason.user(), Ids.newId(clock), taskId,
                    valid);
        });
    }

    /** One column of the task board in rank order, at most {@code limit} cards. */
    public List<Task> column(Actor viewer, TaskStatus status, TaskFilter filter, int limit) {
        return db.transactionResult(cfg -> tasks(cfg).column(viewer, status, filter, limit));
    }

    /** How many cards each column of the board holds, every status present (one query). */
    public Map<TaskStatus, Integer> counts(Actor viewer, TaskFilter filter) {
        return db.transactionResult(cfg -> tasks(cfg).counts(viewer, filter));
    }

    /** The task without its checklist and comments, if the viewer may see it (a board card). */
    public Optional<Task> find(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> tasks(cfg).find(viewer, id));
    }

    /**
     * The task's change log, oldest first, if the viewer may see the task: who changed what, for a
     * save that met someone else's.
     */
    public List<ChangeEntry> history(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> tasks(cfg).find(viewer, id).isEmpty() ? List.<ChangeEntry>of()
                : ChangeLog.using(cfg, clock).forEntity(id));
    }

    /** My Day: the viewer's own open tasks, due first and undated last, at most {@code limit}. */
    public List<Task> myOpen(Actor viewer, int limit) {
        return db.transactionResult(cfg -> tasks(cfg).openAssignedTo(viewer.userId(), limit));
    }

    /**
     * The assignee's open tasks that are due by {@code now} and were not reminded yet, oldest due
     * first, at most {@link #REMINDER_BATCH}. Each desktop asks for its own user, so on a shared
     * database other people's unreminded tasks never crowd this user's out of the batch.
     */
    public List<Task> dueForReminder(UUID assigneeId, OffsetDateTime now) {
        return db.transactionResult(cfg -> tasks(cfg).dueForReminder(assigneeId, now, REMINDER_BATCH));
    }

    /**
     * Notes that these tasks' assignees were reminded, so the next run skips them. Not a change to
     * the tasks: no version bump and no audit entry (see {@link TaskRepository#markReminded}).
     */
    public void markReminded(Collection<UUID> ids, OffsetDateTime at) {
        db.transaction(cfg -> tasks(cfg).markReminded(ids, at));
    }

    private TaskRepository tasks(Configuration cfg) {
        return TaskRepository.using(cfg, clock);
    }

    /**
     * The task as it is now, for a change made on {@code expectedVersion}: not found when the
     * actor never may see it, stale when it was deleted or changed meanwhile.
     */
    private static Task current(Actor actor, TaskRepository tasks, UUID id, long expectedVersion) {
        if (!tasks.isVisible(actor, id)) {
            throw new SalesDeskException("task.notFound", id);
        }
        Task current = tasks.findAny(id).orElseThrow(() -> new StaleRecordException(TaskRepository.ENTITY, id,
                expectedVersion, null));
        if (current.version() != expectedVersion) {
            throw new StaleRecordException(TaskRepository.ENTITY, id, expectedVersion, current);
        }
        return current;
    }

    private static void requireLive(Actor actor, TaskRepository tasks, UUID taskId) {
        if (tasks.find(actor, taskId).isEmpty()) {
            throw new SalesDeskException("task.notFound", taskId);
        }
    }

    /**
     * Refuses an assignee, customer or deal the actor may not see (a rep assigns only to
     * themselves, a manager within their subtree). Links an edit leaves as they were are not
     * checked again, so a task whose customer moved to another rep can still be edited.
     */
    private void checkLinks(Actor actor, Configuration cfg, TaskRepository tasks, TaskDraft draft, Task current) {
        List<FieldProblem> problems = new ArrayList<>();
        if (current == null || !draft.assigneeId().equals(current.assigneeId())) {
            boolean assignable = UserRepository.using(cfg, clock).visibleTo(actor).stream()
                    .anyMatch(u -> u.id().equals(draft.assigneeId()));
            if (!assignable) {
                problems.add(FieldProblem.of("assigneeId", "task.assignee.notAllowed"));
            }
        }
        if (draft.customerId() != null && (current == null || !draft.customerId().equals(current.customerId()))
                && CustomerRepository.using(cfg, clock, UnaryOperator.identity())
                .find(actor, draft.customerId()).isEmpty()) {
            problems.add(FieldProblem.of("customerId", "task.customer.unknown"));
        }
        if (draft.opportunityId() != null
                && (current == null || !draft.opportunityId().equals(current.opportunityId()))
                && !tasks.opportunityVisible(actor, draft.opportunityId())) {
            problems.add(FieldProblem.of("opportunityId", "task.opportunity.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
