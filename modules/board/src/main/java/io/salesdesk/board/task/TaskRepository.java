package io.salesdesk.board.task;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.TASK;
import static io.salesdesk.db.jooq.Tables.TASK_CHECKLIST_ITEM;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.TaskRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Tasks in the database, with their assignee, customer and deal names and checklist progress.
 * Reads for a viewer apply {@link Visibility} on the assignee; every change bumps the version
 * and writes one audit entry.
 */
public final class TaskRepository {

    static final String ENTITY = "task";

    private static final Field<Integer> CHECKLIST_TOTAL = DSL.field(DSL.selectCount().from(TASK_CHECKLIST_ITEM)
            .where(TASK_CHECKLIST_ITEM.TASK_ID.eq(TASK.ID), TASK_CHECKLIST_ITEM.DELETED_AT.isNull()))
            .as("checklist_total");
    private static final Field<Integer> CHECKLIST_DONE = DSL.field(DSL.selectCount().from(TASK_CHECKLIST_ITEM)
            .where(TASK_CHECKLIST_ITEM.TASK_ID.eq(TASK.ID), TASK_CHECKLIST_ITEM.DELETED_AT.isNull(),
                    TASK_CHECKLIST_ITEM.DONE.isTrue()))
            .as("checklist_done");

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private TaskRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static TaskRepository using(Configuration configuration, Clock clock) {
        return new TaskRepository(configuration, clock);
    }

    /** The live task if the viewer may see it. */
    public Optional<Task> find(Actor viewer, UUID id) {
        return selectWithNames()
                .where(TASK.ID.eq(id), TASK.DELETED_AT.isNull(), Visibility.ownedBy(TASK.ASSIGNEE_ID, viewer))
                .fetchOptional(TaskRepository::toTask);
    }

    /**
     * Whether the viewer may see the task with this id, deleted or not: a deleted task the viewer
     * saw is a conflict to report, one they never saw is simply not there.
     */
    public boolean isVisible(Actor viewer, UUID id) {
        return dsl.fetchExists(TASK, TASK.ID.eq(id), Visibility.ownedBy(TASK.ASSIGNEE_ID, viewer));
    }

    /** The live task whoever may see it (conflict reports). */
    public Optional<Task> findAny(UUID id) {
        return selectWithNames().where(TASK.ID.eq(id), TASK.DELETED_AT.isNull()).fetchOptional(TaskRepository::toTask);
    }

    /**
     * The rank of the first card of a column over everyone's live tasks, null when it is empty:
     * ranks are per column, not per viewer, so a card put on top is on top for every viewer.
     */
    public String topRank(TaskStatus status) {
        return dsl.select(DSL.min(TASK.BOARD_RANK)).from(TASK)
                .where(TASK.STATUS.eq(status.name()), TASK.DELETED_AT.isNull())
                .fetchOne(0, String.class);
    }

    /** Whether the viewer may see this live deal (a task may only point at a deal its creator sees). */
    public boolean opportunityVisible(Actor viewer, UUID opportunityId) {
        return dsl.fetchExists(OPPORTUNITY, OPPORTUNITY.ID.eq(opportunityId), OPPORTUNITY.DELETED_AT.isNull(),
                Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer));
    }

    /** One column of the board in rank order, at most {@code limit} cards. */
    public List<Task> column(Actor viewer, TaskStatus status, TaskFilter filter, int limit) {
        return selectWithNames().where(conditions(viewer, filter), TASK.STATUS.eq(status.name()))
                .orderBy(TASK.BOARD_RANK, TASK.ID)
                .limit(limit)
                .fetch(TaskRepository::toTask);
    }

    /** How many cards each column holds for the viewer and filter, every status present. */
    public Map<TaskStatus, Integer> counts(Actor viewer, TaskFilter filter) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status, 0);
        }
        dsl.select(TASK.STATUS, DSL.count()).from(TASK)
                .where(conditions(viewer, filter))
                .groupBy(TASK.STATUS)
                .forEach(r -> counts.put(TaskStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Open tasks of one assignee, due first and undated last, at most {@code limit}. */
    public List<Task> openAssignedTo(UUID assigneeId, int limit) {
        return selectWithNames()
                .where(TASK.ASSIGNEE_ID.eq(assigneeId), TASK.DELETED_AT.isNull(), openCondition())
                .orderBy(TASK.DUE_AT.asc().nullsLast(), TASK.BOARD_RANK, TASK.ID)
                .limit(limit)
                .fetch(TaskRepository::toTask);
    }

    /** Open live tasks due by {@code now} whose assignee was not reminded yet, oldest due first. */
    public List<Task> dueForReminder(UUID assigneeId, OffsetDateTime now, int limit) {
        return selectWithNames()
                .where(TASK.ASSIGNEE_ID.eq(assigneeId), TASK.DELETED_AT.isNull(), openCondition(), TASK.DUE_AT.le(now),
                        TASK.REMINDED_AT.isNull())
                .orderBy(TASK.DUE_AT, TASK.ID)
                .limit(limit)
                .fetch(TaskRepository::toTask);
    }

    /**
     * Notes that the assignees of these tasks were reminded. Deliberately no version bump and no
     * audit entry: a reminder is bookkeeping of the reminder job, not a change to what the task
     * says, and bumping the version would make an edit open in someone's window fail as stale.
     */
    public void markReminded(Collection<UUID> ids, OffsetDateTime at) {
        if (ids.isEmpty()) {
            return;
        }
        dsl.update(TASK).set(TASK.REMINDED_AT, at).where(TASK.ID.in(ids), TASK.DELETED_AT.isNull()).execute();
    }

    /** Which of these customers already have an open task of exactly this title. */
    Set<UUID> customersWithOpenTask(Collection<UUID> customerIds, String title) {
        Set<UUID> found = new HashSet<>();
        // IN lists stay well under the databases' parameter limits.
        List<UUID> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            found.addAll(dsl.selectDistinct(TASK.CUSTOMER_ID).from(TASK)
                    .where(TASK.CUSTOMER_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))),
                            TASK.TITLE.eq(title), TASK.DELETED_AT.isNull(), openCondition())
                    .fetch(TASK.CUSTOMER_ID));
        }
        return found;
    }

    /** Inserts a task with one audit entry (the service validates first; sync writes what another side holds). */
    public Task insert(Actor actor, ChangeReason reason, UUID id, TaskFields fields) {
        OffsetDateTime now = Rows.now(clock);
        TaskRecord r = dsl.newRecord(TASK);
        r.setId(id);
        apply(r, fields);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(fields)));
        return findAny(id).orElseThrow();
    }

    /**
     * Writes changed fields on {@code expectedVersion}; nothing (not even the version) changes when
     * no field differs.
     *
     * @throws StaleRecordException if the task changed or was deleted since that version
     */
    public Task update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, TaskFields fields) {
        TaskRecord current = dsl.selectFrom(TASK).where(TASK.ID.eq(id), TASK.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(fieldsOf(current)), snapshot(fields));
        if (changes.isEmpty() && sameInstant(current.getRemindedAt(), fields.remindedAt())) {
            return findAny(id).orElseThrow();
        }
        int updated = dsl.update(TASK)
                .set(TASK.TITLE, fields.title())
                .set(TASK.DESCRIPTION, fields.description())
                .set(TASK.ASSIGNEE_ID, fields.assigneeId())
                .set(TASK.STATUS, fields.status().name())
                .set(TASK.PRIORITY, fields.priority().name())
                .set(TASK.DUE_AT, fields.dueAt())
                .set(TASK.CUSTOMER_ID, fields.customerId())
                .set(TASK.OPPORTUNITY_ID, fields.opportunityId())
                .set(TASK.REMINDED_AT, fields.remindedAt())
                .set(TASK.COMPLETED_AT, fields.completedAt())
                .set(TASK.BOARD_RANK, fields.rank())
                .set(TASK.VERSION, expectedVersion + 1)
                .set(TASK.UPDATED_AT, Rows.now(clock))
                .set(TASK.UPDATED_BY, Rows.userId(actor))
                .where(TASK.ID.eq(id), TASK.VERSION.eq(expectedVersion), TASK.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /**
     * Soft-deletes a task (kept for undo, sync and audit).
     *
     * @throws StaleRecordException if the task changed or was deleted since {@code expectedVersion}
     */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(TASK)
                .set(TASK.DELETED_AT, now)
                .set(TASK.VERSION, expectedVersion + 1)
                .set(TASK.UPDATED_AT, now)
                .set(TASK.UPDATED_BY, Rows.userId(actor))
                .where(TASK.ID.eq(id), TASK.VERSION.eq(expectedVersion), TASK.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE,
                FieldChange.diff(Map.of(), Map.of("deletedAt", now)));
    }

    private static Condition conditions(Actor viewer, TaskFilter filter) {
        Condition c = TASK.DELETED_AT.isNull().and(Visibility.ownedBy(TASK.ASSIGNEE_ID, viewer));
        if (filter.assigneeIds() != null) {
            c = c.and(TASK.ASSIGNEE_ID.in(filter.assigneeIds()));
        }
        if (filter.customerId() != null) {
            c = c.and(TASK.CUSTOMER_ID.eq(filter.customerId()));
        }
        String text = Rows.blankToNull(filter.text());
        if (text != null) {
            // containsIgnoreCase escapes % and _ in the user's text.
            c = c.and(TASK.TITLE.containsIgnoreCase(text));
        }
        if (filter.dueBefore() != null) {
            c = c.and(TASK.DUE_AT.lt(filter.dueBefore()));
        }
        return c;
    }

    private static Condition openCondition() {
        return TASK.STATUS.in(List.of(TaskStatus.values()).stream().filter(TaskStatus::isOpen).map(Enum::name).toList());
    }

    private SelectOnConditionStep<Record> selectWithNames() {
        return dsl.select(TASK.fields())
                .select(APP_USER.DISPLAY_NAME, CUSTOMER.NAME, OPPORTUNITY.NAME, CHECKLIST_DONE, CHECKLIST_TOTAL)
                .from(TASK)
                .join(APP_USER).on(APP_USER.ID.eq(TASK.ASSIGNEE_ID))
                .leftJoin(CUSTOMER).on(CUSTOMER.ID.eq(TASK.CUSTOMER_ID))
                .leftJoin(OPPORTUNITY).on(OPPORTUNITY.ID.eq(TASK.OPPORTUNITY_ID));
    }

    private static void apply(TaskRecord r, TaskFields f) {
        r.setTitle(f.title());
        r.setDescription(f.description());
        r.setAssigneeId(f.assigneeId());
        r.setStatus(f.status().name());
        r.setPriority(f.priority().name());
        r.setDueAt(f.dueAt());
        r.setCustomerId(f.customerId());
        r.setOpportunityId(f.opportunityId());
        r.setRemindedAt(f.remindedAt());
        r.setCompletedAt(f.completedAt());
        r.setBoardRank(f.rank());
    }

    private static TaskFields fieldsOf(TaskRecord r) {
        return new TaskFields(r.getTitle(), r.getDescription(), r.getAssigneeId(), TaskStatus.valueOf(r.getStatus()),
                TaskPriority.valueOf(r.getPriority()), r.getDueAt(), r.getCustomerId(), r.getOpportunityId(),
                r.getRemindedAt(), r.getCompletedAt(), r.getBoardRank());
    }

    // Names as Task spells them. remindedAt is left out: reminders are not recorded (markReminded),
    // so its old value in an entry would come from nowhere.
    private static Map<String, Object> snapshot(TaskFields f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title());
        m.put("description", f.description());
        m.put("assigneeId", f.assigneeId());
        m.put("status", f.status());
        m.put("priority", f.priority());
        m.put("dueAt", f.dueAt());
        m.put("customerId", f.customerId());
        m.put("opportunityId", f.opportunityId());
        m.put("completedAt", f.completedAt());
        m.put("rank", f.rank());
        return m;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    private static Task toTask(Record r) {
        TaskRecord t = r.into(TASK);
        return new Task(t.getId(), t.getTitle(), t.getDescription(), t.getAssigneeId(), r.get(APP_USER.DISPLAY_NAME),
                TaskStatus.valueOf(t.getStatus()), TaskPriority.valueOf(t.getPriority()), t.getDueAt(),
                t.getCustomerId(), r.get(CUSTOMER.NAME), t.getOpportunityId(), r.get(OPPORTUNITY.NAME),
                t.getRemindedAt(), t.getCompletedAt(), t.getBoardRank(), t.getVersion(), r.get(CHECKLIST_DONE),
                r.get(CHECKLIST_TOTAL), t.getCreatedAt());
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }
}
