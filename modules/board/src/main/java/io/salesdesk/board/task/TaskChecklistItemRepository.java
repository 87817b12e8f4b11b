package io.salesdesk.board.task;

import static io.salesdesk.db.jooq.Tables.TASK_CHECKLIST_ITEM;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.TaskChecklistItemRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The steps of tasks' checklists. Visibility is the task's: callers check the task first. Every
 * change bumps the item's version and writes one audit entry.
 */
public final class TaskChecklistItemRepository {

    static final String ENTITY = "task_checklist_item";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private TaskChecklistItemRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static TaskChecklistItemRepository using(Configuration configuration, Clock clock) {
        return new TaskChecklistItemRepository(configuration, clock);
    }

    /** A task's live checklist in order. */
    public List<ChecklistItem> forTask(UUID taskId) {
        return dsl.selectFrom(TASK_CHECKLIST_ITEM)
                .where(TASK_CHECKLIST_ITEM.TASK_ID.eq(taskId), TASK_CHECKLIST_ITEM.DELETED_AT.isNull())
                .orderBy(TASK_CHECKLIST_ITEM.SORT_ORDER, TASK_CHECKLIST_ITEM.ID)
                .fetch(TaskChecklistItemRepository::toItem);
    }

    /** A live item. */
    public Optional<ChecklistItem> find(UUID id) {
        return dsl.selectFrom(TASK_CHECKLIST_ITEM)
                .where(TASK_CHECKLIST_ITEM.ID.eq(id), TASK_CHECKLIST_ITEM.DELETED_AT.isNull())
                .fetchOptional(TaskChecklistItemRepository::toItem);
    }

    /** Appends an item to the end of a task's checklist. */
    ChecklistItem append(Actor actor, ChangeReason reason, UUID id, UUID taskId, String label) {
        Integer last = dsl.select(DSL.max(TASK_CHECKLIST_ITEM.SORT_ORDER)).from(TASK_CHECKLIST_ITEM)
                .where(TASK_CHECKLIST_ITEM.TASK_ID.eq(taskId)).fetchOne(0, Integer.class);
        OffsetDateTime now = Rows.now(clock);
        TaskChecklistItemRecord r = dsl.newRecord(TASK_CHECKLIST_ITEM);
        r.setId(id);
        r.setTaskId(taskId);
        r.setSortOrder(last == null ? 1 : last + 1);
        r.setLabel(label);
        r.setDone(false);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("taskId", taskId);
        after.put("order", r.getSortOrder());
        after.put("label", label);
        after.put("done", false);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
        return toItem(r);
    }

    /**
     * Inserts an item another database made (sync), at its place and ticked as it was there, with
     * one audit entry as {@link #append} writes.
     */
    public ChecklistItem insert(Actor actor, ChangeReason reason, UUID id, UUID taskId, int order, String label,
                                boolean done) {
        OffsetDateTime now = Rows.now(clock);
        TaskChecklistItemRecord r = dsl.newRecord(TASK_CHECKLIST_ITEM);
        r.setId(id);
        r.setTaskId(taskId);
        r.setSortOrder(order);
        r.setLabel(label);
        r.setDone(done);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("taskId", taskId);
        after.put("order", order);
        after.put("label", label);
        after.put("done", done);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
        return toItem(r);
    }

    /**
     * Ticks an item off or on again, on {@code expectedVersion}.
     *
     * @throws StaleRecordException if the item changed or was deleted since that version
     */
    public ChecklistItem setDone(Actor actor, ChangeReason reason, UUID id, long expectedVersion, boolean done) {
        ChecklistItem current = find(id).orElse(null);
        if (current == null || current.version() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, current);
        }
        if (current.done() == done) {
            return current;
        }
        int updated = dsl.update(TASK_CHECKLIST_ITEM)
                .set(TASK_CHECKLIST_ITEM.DONE, done)
                .set(TASK_CHECKLIST_ITEM.VERSION, expectedVersion + 1)
                .set(TASK_CHECKLIST_ITEM.UPDATED_AT, Rows.now(clock))
                .set(TASK_CHECKLIST_ITEM.UPDATED_BY, Rows.userId(actor))
                .where(TASK_CHECKLIST_ITEM.ID.eq(id), TASK_CHECKLIST_ITEM.VERSION.eq(expectedVersion),
                        TASK_CHECKLIST_ITEM.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(Map.of("done", current.done()), Map.of("done", done)));
        return find(id).orElseThrow();
    }

    private static ChecklistItem toItem(TaskChecklistItemRecord r) {
        return new ChecklistItem(r.getId(), r.getTaskId(), r.getSortOrder(), r.getLabel(), r.getDone(), r.getVersion());
    }
}
