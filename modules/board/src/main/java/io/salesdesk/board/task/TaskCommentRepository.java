package io.salesdesk.board.task;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.TASK_COMMENT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.TaskCommentRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/** Comments on tasks. Visibility is the task's: callers check the task first. */
public final class TaskCommentRepository {

    static final String ENTITY = "task_comment";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private TaskCommentRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static TaskCommentRepository using(Configuration configuration, Clock clock) {
        return new TaskCommentRepository(configuration, clock);
    }

    /** A task's live comments, oldest first. */
    public List<TaskComment> forTask(UUID taskId) {
        return selectWithAuthor().where(TASK_COMMENT.TASK_ID.eq(taskId), TASK_COMMENT.DELETED_AT.isNull())
                .orderBy(TASK_COMMENT.CREATED_AT, TASK_COMMENT.ID)
                .fetch(TaskCommentRepository::toComment);
    }

    /** Adds a comment written by the actor, with one audit entry. */
    TaskComment insert(Actor actor, ChangeReason reason, UUID id, UUID taskId, String body) {
        return insert(actor, reason, id, taskId, actor.userId(), body);
    }

    /**
     * Adds a comment {@code authorId} wrote, with one audit entry: sync writes a comment made on
     * another database, where the actor writing it is sync itself (null) or the author.
     */
    public TaskComment insert(Actor actor, ChangeReason reason, UUID id, UUID taskId, UUID authorId, String body) {
        OffsetDateTime now = Rows.now(clock);
        TaskCommentRecord r = dsl.newRecord(TASK_COMMENT);
        r.setId(id);
        r.setTaskId(taskId);
        r.setAuthorId(authorId);
        r.setBody(body);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("taskId", taskId);
        after.put("authorId", authorId);
        after.put("body", body);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
        return selectWithAuthor().where(TASK_COMMENT.ID.eq(id)).fetchSingle(TaskCommentRepository::toComment);
    }

    private SelectOnConditionStep<Record> selectWithAuthor() {
        return dsl.select(TASK_COMMENT.fields()).select(APP_USER.DISPLAY_NAME)
                .from(TASK_COMMENT).join(APP_USER).on(APP_USER.ID.eq(TASK_COMMENT.AUTHOR_ID));
    }

    private static TaskComment toComment(Record r) {
        TaskCommentRecord c = r.into(TASK_COMMENT);
        return new TaskComment(c.getId(), c.getTaskId(), c.getAuthorId(), r.get(APP_USER.DISPLAY_NAME), c.getBody(),
                c.getCreatedAt());
    }
}
