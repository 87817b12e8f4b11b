package io.salesdesk.workflow.approval;

import static io.salesdesk.db.jooq.Tables.APPROVAL_EVENT;
import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW;
import static io.salesdesk.db.jooq.Tables.APPROVAL_FLOW_VERSION;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APPROVAL_STEP;
import static io.salesdesk.db.jooq.Tables.APPROVAL_TASK;
import static io.salesdesk.db.jooq.Tables.APP_USER;

import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.approval.flow.SignMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Flows, requests, their steps, tasks and history. Deciding a step is a compare-and-set on its
 * version ({@link #moveStep}), which is what makes two approvers acting at once safe.
 */
public final class ApprovalRepository {

    private static final io.salesdesk.db.jooq.tables.AppUser SUBMITTER = APP_USER.as("submitter");
    private static final io.salesdesk.db.jooq.tables.AppUser APPROVER = APP_USER.as("approver");
    private static final io.salesdesk.db.jooq.tables.AppUser PRINCIPAL = APP_USER.as("principal");
    private static final io.salesdesk.db.jooq.tables.AppUser SIGNER = APP_USER.as("signer");

    private final DSLContext dsl;
    private final Clock clock;

    private ApprovalRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static ApprovalRepository using(Configuration configuration, Clock clock) {
        return new ApprovalRepository(configuration, clock);
    }

    // ------------------------------------------------------------------ flows

    /** A flow's definition at one version. */
    public record FlowVersion(UUID flowId, String name, int versionNo, String definitionJson) {
    }

    /** The active flow for an entity's action at its current version; empty: no approval needed. */
    public Optional<FlowVersion> activeFlow(String entity, String action) {
        return dsl.select(APPROVAL_FLOW.ID, APPROVAL_FLOW.NAME, APPROVAL_FLOW_VERSION.VERSION_NO,
                        APPROVAL_FLOW_VERSION.DEFINITION_JSON)
                .from(APPROVAL_FLOW).join(APPROVAL_FLOW_VERSION)
                .on(APPROVAL_FLOW_VERSION.FLOW_ID.eq(APPROVAL_FLOW.ID),
                        APPROVAL_FLOW_VERSION.VERSION_NO.eq(APPROVAL_FLOW.CURRENT_VERSION))
                .where(APPROVAL_FLOW.ENTITY.eq(entity), APPROVAL_FLOW.TRIGGER_ACTION.eq(action),
                        APPROVAL_FLOW.ACTIVE.isTrue(), APPROVAL_FLOW.DELETED_AT.isNull())
                .orderBy(APPROVAL_FLOW.CREATED_AT).limit(1)
                .fetchOptional(r -> new FlowVersion(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The flow's definition at a given version (what a running request follows). */
    public Optional<FlowVersion> flowVersion(UUID flowId, int versionNo) {
        return dsl.select(APPROVAL_FLOW.ID, APPROVAL_FLOW.NAME, APPROVAL_FLOW_VERSION.VERSION_NO,
                        APPROVAL_FLOW_VERSION.DEFINITION_JSON)
                .from(APPROVAL_FLOW).join(APPROVAL_FLOW_VERSION).on(APPROVAL_FLOW_VERSION.FLOW_ID.eq(APPROVAL_FLOW.ID))
                .where(APPROVAL_FLOW.ID.eq(flowId), APPROVAL_FLOW_VERSION.VERSION_NO.eq(versionNo))
                .fetchOptional(r -> new FlowVersion(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The flow of an entity's action, active or not. */
    public Optional<UUID> flowId(String entity, String action) {
        return dsl.select(APPROVAL_FLOW.ID).from(APPROVAL_FLOW)
                .where(APPROVAL_FLOW.ENTITY.eq(entity), APPROVAL_FLOW.TRIGGER_ACTION.eq(action),
                        APPROVAL_FLOW.DELETED_AT.isNull())
                .orderBy(APPROVAL_FLOW.CREATED_AT).limit(1).fetchOptional(APPROVAL_FLOW.ID);
    }

    /** Every flow that is not deleted, by entity and action. */
    public List<FlowSummary> flows() {
        return dsl.select(APPROVAL_FLOW.ID, APPROVAL_FLOW.ENTITY, APPROVAL_FLOW.TRIGGER_ACTION, APPROVAL_FLOW.NAME,
                        APPROVAL_FLOW.CURRENT_VERSION, APPROVAL_FLOW.ACTIVE, APPROVAL_FLOW.UPDATED_AT)
                .from(APPROVAL_FLOW).where(APPROVAL_FLOW.DELETED_AT.isNull())
                .orderBy(APPROVAL_FLOW.ENTITY, APPROVAL_FLOW.TRIGGER_ACTION, APPROVAL_FLOW.CREATED_AT)
                .fetch(r -> new FlowSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** Creates a flow at version 1. */
    public void insertFlow(UUID actor, UUID id, String entity, String action, String name, String definitionJson) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(APPROVAL_FLOW).set(APPROVAL_FLOW.ID, id).set(APPROVAL_FLOW.ENTITY, entity)
                .set(APPROVAL_FLOW.TRIGGER_ACTION, action).set(APPROVAL_FLOW.NAME, name)
                .set(APPROVAL_FLOW.CURRENT_VERSION, 1).set(APPROVAL_FLOW.ACTIVE, true).set(APPROVAL_FLOW.VERSION, 1L)
                .set(APPROVAL_FLOW.CREATED_AT, now).set(APPROVAL_FLOW.CREATED_BY, actor)
                .set(APPROVAL_FLOW.UPDATED_AT, now).set(APPROVAL_FLOW.UPDATED_BY, actor).execute();
        insertVersion(actor, id, 1, definitionJson, now);
    }

    /** Saves a new version and makes it current; running requests keep theirs. Returns its number. */
    public int newVersion(UUID actor, UUID flowId, String name, String definitionJson) {
        OffsetDateTime now = Rows.now(clock);
        int next = dsl.select(DSL.max(APPROVAL_FLOW_VERSION.VERSION_NO)).from(APPROVAL_FLOW_VERSION)
                .where(APPROVAL_FLOW_VERSION.FLOW_ID.eq(flowId)).fetchOne(0, Integer.class) + 1;
        insertVersion(actor, flowId, next, definitionJson, now);
        dsl.update(APPROVAL_FLOW).set(APPROVAL_FLOW.CURRENT_VERSION, next).set(APPROVAL_FLOW.NAME, name)
                .set(APPROVAL_FLOW.VERSION, APPROVAL_FLOW.VERSION.plus(1)).set(APPROVAL_FLOW.UPDATED_AT, now)
                .set(APPROVAL_FLOW.UPDATED_BY, actor).where(APPROVAL_FLOW.ID.eq(flowId)).execute();
        return next;
    }

    private void insertVersion(UUID actor, UUID flowId, int versionNo, String definitionJson, OffsetDateTime now) {
        dsl.insertInto(APPROVAL_FLOW_VERSION).set(APPROVAL_FLOW_VERSION.FLOW_ID, flowId)
                .set(APPROVAL_FLOW_VERSION.VERSION_NO, versionNo)
                .set(APPROVAL_FLOW_VERSION.DEFINITION_JSON, definitionJson)
                .set(APPROVAL_FLOW_VERSION.CREATED_AT, now).set(APPROVAL_FLOW_VERSION.CREATED_BY, actor).execute();
    }

    // ------------------------------------------------------------------ requests

    public void insertRequest(UUID id, FlowVersion flow, ApprovalSubject subject, UUID submitter, String fieldsJson,
                              String routeJson) {
        // A contract's first request is when it was submitted: the contract cycle KPI counts from it.
        ContractKpiDayRepository contractDays = ContractKpiDayRepository.using(dsl.configuration());
        boolean contract = ContractKpiDayRepository.ENTITY.equals(subject.entity());
        ContractKpiDayRepository.Snapshot before = contract ? contractDays.of(List.of(subject.recordId())) : null;
        dsl.insertInto(APPROVAL_REQUEST).set(APPROVAL_REQUEST.ID, id).set(APPROVAL_REQUEST.FLOW_ID, flow.flowId())
                .set(APPROVAL_REQUEST.FLOW_VERSION, flow.versionNo()).set(APPROVAL_REQUEST.ENTITY, subject.entity())
                .set(APPROVAL_REQUEST.TRIGGER_ACTION, subject.action()).set(APPROVAL_REQUEST.RECORD_ID, subject.recordId())
                .set(APPROVAL_REQUEST.TITLE, shorten(subject.title(), 300)).set(APPROVAL_REQUEST.SUBMITTER_ID, submitter)
                .set(APPROVAL_REQUEST.STATUS, RequestStatus.PENDING.name())
                .set(APPROVAL_REQUEST.FIELDS_JSON, fieldsJson).set(APPROVAL_REQUEST.ROUTE_JSON, routeJson)
                .set(APPROVAL_REQUEST.SUBMITTED_AT, Rows.now(clock)).set(APPROVAL_REQUEST.VERSION, 1L).execute();
        if (contract) {
            contractDays.apply(before, contractDays.of(List.of(subject.recordId())));
        }
    }

    public Optional<ApprovalRequest> request(UUID id) {
        return selectRequest().where(APPROVAL_REQUEST.ID.eq(id)).fetchOptional(ApprovalRepository::toRequest);
    }

    /** The record's request still pending, if any. */
    public Optional<ApprovalRequest> pendingFor(String entity, UUID recordId) {
        return selectRequest().where(APPROVAL_REQUEST.ENTITY.eq(entity), APPROVAL_REQUEST.RECORD_ID.eq(recordId),
                APPROVAL_REQUEST.STATUS.eq(RequestStatus.PENDING.name())).fetchOptional(ApprovalRepository::toRequest);
    }

    /** The record's requests, newest first. */
    public List<ApprovalRequest> requestsFor(String entity, UUID recordId) {
        return selectRequest().where(APPROVAL_REQUEST.ENTITY.eq(entity), APPROVAL_REQUEST.RECORD_ID.eq(recordId))
                .orderBy(APPROVAL_REQUEST.SUBMITTED_AT.desc()).fetch(ApprovalRepository::toRequest);
    }

    /** Requests the user submitted, newest first. */
    public List<ApprovalRequest> submittedBy(UUID submitter, int limit) {
        return selectRequest().where(APPROVAL_REQUEST.SUBMITTER_ID.eq(submitter))
                .orderBy(APPROVAL_REQUEST.SUBMITTED_AT.desc()).limit(limit).fetch(ApprovalRepository::toRequest);
    }

    public String routeJson(UUID requestId) {
        return dsl.select(APPROVAL_REQUEST.ROUTE_JSON).from(APPROVAL_REQUEST).where(APPROVAL_REQUEST.ID.eq(requestId))
                .fetchOne(APPROVAL_REQUEST.ROUTE_JSON);
    }

    /** The record's field values as they were submitted (text), for conditions and approvers read later. */
    public String fieldsJson(UUID requestId) {
        return dsl.select(APPROVAL_REQUEST.FIELDS_JSON).from(APPROVAL_REQUEST).where(APPROVAL_REQUEST.ID.eq(requestId))
                .fetchOne(APPROVAL_REQUEST.FIELDS_JSON);
    }

    /** Ends a pending request; false if it was no longer pending. */
    public boolean finishRequest(UUID requestId, RequestStatus status) {
        return dsl.update(APPROVAL_REQUEST).set(APPROVAL_REQUEST.STATUS, status.name())
                .set(APPROVAL_REQUEST.DECIDED_AT, Rows.now(clock))
                .set(APPROVAL_REQUEST.VERSION, APPROVAL_REQUEST.VERSION.plus(1))
                .where(APPROVAL_REQUEST.ID.eq(requestId), APPROVAL_REQUEST.STATUS.eq(RequestStatus.PENDING.name()))
                .execute() == 1;
    }

    private SelectOnConditionStep<Record> selectRequest() {
        return dsl.select(APPROVAL_REQUEST.fields()).select(SUBMITTER.DISPLAY_NAME).from(APPROVAL_REQUEST)
                .join(SUBMITTER).on(SUBMITTER.ID.eq(APPROVAL_REQUEST.SUBMITTER_ID));
    }

    private static ApprovalRequest toRequest(Record r) {
        return new ApprovalRequest(r.get(APPROVAL_REQUEST.ID), r.get(APPROVAL_REQUEST.FLOW_ID),
                r.get(APPROVAL_REQUEST.FLOW_VERSION), r.get(APPROVAL_REQUEST.ENTITY),
                r.get(APPROVAL_REQUEST.TRIGGER_ACTION), r.get(APPROVAL_REQUEST.RECORD_ID), r.get(APPROVAL_REQUEST.TITLE),
                r.get(APPROVAL_REQUEST.SUBMITTER_ID), r.get(SUBMITTER.DISPLAY_NAME),
                RequestStatus.valueOf(r.get(APPROVAL_REQUEST.STATUS)), r.get(APPROVAL_REQUEST.SUBMITTED_AT),
                r.get(APPROVAL_REQUEST.DECIDED_AT), r.get(APPROVAL_REQUEST.VERSION));
    }

    // ------------------------------------------------------------------ steps

    public void insertStep(UUID requestId, RouteStep step) {
        dsl.insertInto(APPROVAL_STEP).set(APPROVAL_STEP.REQUEST_ID, requestId).set(APPROVAL_STEP.STEP_KEY, step.key())
                .set(APPROVAL_STEP.NAME, shorten(step.name() == null ? step.key() : step.name(), 200))
                .set(APPROVAL_STEP.MODE, step.mode().name()).set(APPROVAL_STEP.STATUS, StepStatus.WAITING.name())
                .set(APPROVAL_STEP.ROUND_NO, 0)
                .set(APPROVAL_STEP.VERSION, 1L).execute();
    }

    public List<ApprovalStepState> steps(UUID requestId) {
        return dsl.selectFrom(APPROVAL_STEP).where(APPROVAL_STEP.REQUEST_ID.eq(requestId))
                .fetch(r -> new ApprovalStepState(r.getStepKey(), r.getName(), SignMode.valueOf(r.getMode()),
                        StepStatus.valueOf(r.getStatus()), r.getRoundNo(), r.getActivatedAt(), r.getDueAt(), r.getDecidedAt(),
                        r.getTimedOutAt(), r.getReminders(), r.getVersion()));
    }

    /**
     * Moves a step from the status it was read in to another: a compare-and-set on its version.
     * False when someone else moved it first.
     */
    public boolean moveStep(UUID requestId, ApprovalStepState from, StepStatus to, OffsetDateTime dueAt) {
        OffsetDateTime now = Rows.now(clock);
        var update = dsl.update(APPROVAL_STEP).set(APPROVAL_STEP.STATUS, to.name())
                .set(APPROVAL_STEP.VERSION, from.version() + 1);
        if (to == StepStatus.ACTIVE) {
            // ACTIVE to ACTIVE only moves the version (a task closed, the step still waits).
            if (from.status() != StepStatus.ACTIVE) {
                update = update.set(APPROVAL_STEP.ROUND_NO, from.round() + 1).set(APPROVAL_STEP.ACTIVATED_AT, now)
                        .set(APPROVAL_STEP.DUE_AT, dueAt).set(APPROVAL_STEP.DECIDED_AT, (OffsetDateTime) null)
                        .set(APPROVAL_STEP.ALARM_AT, dueAt).set(APPROVAL_STEP.TIMED_OUT_AT, (OffsetDateTime) null)
                        .set(APPROVAL_STEP.REMINDERS, 0);
            }
        } else if (to == StepStatus.WAITING) {
            update = update.set(APPROVAL_STEP.ACTIVATED_AT, (OffsetDateTime) null)
                    .set(APPROVAL_STEP.DUE_AT, (OffsetDateTime) null).set(APPROVAL_STEP.DECIDED_AT, (OffsetDateTime) null)
                    .set(APPROVAL_STEP.ALARM_AT, (OffsetDateTime) null);
        } else {
            update = update.set(APPROVAL_STEP.DECIDED_AT, now).set(APPROVAL_STEP.ALARM_AT, (OffsetDateTime) null);
        }
        return update.where(APPROVAL_STEP.REQUEST_ID.eq(requestId), APPROVAL_STEP.STEP_KEY.eq(from.key()),
                APPROVAL_STEP.VERSION.eq(from.version())).execute() == 1;
    }

    /** A step whose alarm has come: its time ran out, or its next reminder is due. */
    public record Alarm(UUID requestId, String stepKey) {
    }

    /**
     * The active steps whose alarm is at or before {@code now}, earliest first. One range of the
     * alarm index: steps still in time, or with nothing more to do, have no alarm or a later one.
     */
    public List<Alarm> alarmsDue(OffsetDateTime now, int limit) {
        return dsl.select(APPROVAL_STEP.REQUEST_ID, APPROVAL_STEP.STEP_KEY).from(APPROVAL_STEP)
                // Only active steps have an alarm (moveStep clears it on every other move), so the
                // alarm index alone answers; the caller checks the status again before acting.
                .where(APPROVAL_STEP.ALARM_AT.le(now))
                .orderBy(APPROVAL_STEP.ALARM_AT).limit(limit)
                .fetch(r -> new Alarm(r.value1(), r.value2()));
    }

    /**
     * Records that a step's alarm went off: the first time stamps the timeout, every time counts a
     * reminder, and the alarm moves to {@code next} (null: nothing more). A compare-and-set on the
     * step's version, so of two clients scanning at once exactly one acts; false for the other.
     */
    public boolean ringAlarm(UUID requestId, ApprovalStepState from, OffsetDateTime next) {
        return dsl.update(APPROVAL_STEP)
                .set(APPROVAL_STEP.TIMED_OUT_AT, DSL.coalesce(APPROVAL_STEP.TIMED_OUT_AT, DSL.val(Rows.now(clock))))
                .set(APPROVAL_STEP.REMINDERS, APPROVAL_STEP.REMINDERS.plus(1)).set(APPROVAL_STEP.ALARM_AT, next)
                .set(APPROVAL_STEP.VERSION, from.version() + 1)
                .where(APPROVAL_STEP.REQUEST_ID.eq(requestId), APPROVAL_STEP.STEP_KEY.eq(from.key()),
                        APPROVAL_STEP.VERSION.eq(from.version()))
                .execute() == 1;
    }

    // ------------------------------------------------------------------ tasks

    public UUID insertTask(UUID requestId, String stepKey, int round, int seq, UUID approver, TaskStatus status) {
        return insertTask(requestId, stepKey, round, seq, approver, status, null, null, null);
    }

    /**
     * A task that may be an added signer's (加签: {@code addedFor} and {@code position} set) or a
     * delegate's ({@code onBehalfOf} the approver they sign for).
     */
    public UUID insertTask(UUID requestId, String stepKey, int round, int seq, UUID approver, TaskStatus status,
                           UUID addedFor, SignerPosition position, UUID onBehalfOf) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(APPROVAL_TASK).set(APPROVAL_TASK.ID, id).set(APPROVAL_TASK.REQUEST_ID, requestId)
                .set(APPROVAL_TASK.STEP_KEY, stepKey).set(APPROVAL_TASK.ROUND_NO, round).set(APPROVAL_TASK.SEQ, seq).set(APPROVAL_TASK.APPROVER_ID, approver)
                .set(APPROVAL_TASK.STATUS, status.name()).set(APPROVAL_TASK.CREATED_AT, now)
                .set(APPROVAL_TASK.DUE_AT, DSL.select(APPROVAL_STEP.DUE_AT).from(APPROVAL_STEP)
                        .where(APPROVAL_STEP.REQUEST_ID.eq(requestId), APPROVAL_STEP.STEP_KEY.eq(stepKey)))
                .set(APPROVAL_TASK.ACTED_AT, status.closed() ? now : null)
                .set(APPROVAL_TASK.ADDED_FOR, addedFor)
                .set(APPROVAL_TASK.ADDED_POSITION, position == null ? null : position.name())
                .set(APPROVAL_TASK.ON_BEHALF_OF, onBehalfOf).set(APPROVAL_TASK.VERSION, 1L).execute();
        return id;
    }

    /**
     * Puts a waiting task in an inbox: its approver's, or a delegate's signing on their behalf.
     * False if the task changed since it was read.
     */
    public boolean openTask(ApprovalTask task, UUID approver, UUID onBehalfOf) {
        return dsl.update(APPROVAL_TASK).set(APPROVAL_TASK.STATUS, TaskStatus.PENDING.name())
                .set(APPROVAL_TASK.APPROVER_ID, approver).set(APPROVAL_TASK.ON_BEHALF_OF, onBehalfOf)
                .set(APPROVAL_TASK.ACTED_AT, (OffsetDateTime) null).set(APPROVAL_TASK.VERSION, task.version() + 1)
                .where(APPROVAL_TASK.ID.eq(task.id()), APPROVAL_TASK.VERSION.eq(task.version())).execute() == 1;
    }

    /** Signers added for one task now belong to another (the task was handed on, 转交). */
    public void moveSigners(UUID fromTask, UUID toTask) {
        dsl.update(APPROVAL_TASK).set(APPROVAL_TASK.ADDED_FOR, toTask)
                .set(APPROVAL_TASK.VERSION, APPROVAL_TASK.VERSION.plus(1))
                .where(APPROVAL_TASK.ADDED_FOR.eq(fromTask),
                        APPROVAL_TASK.STATUS.in(TaskStatus.PENDING.name(), TaskStatus.WAITING.name()))
                .execute();
    }

    /** Closes or opens a task as read; false if it changed since. */
    public boolean moveTask(ApprovalTask task, TaskStatus to, String note) {
        OffsetDateTime now = Rows.now(clock);
        return dsl.update(APPROVAL_TASK).set(APPROVAL_TASK.STATUS, to.name())
                .set(APPROVAL_TASK.ACTED_AT, to.closed() ? now : null).set(APPROVAL_TASK.NOTE, note)
                .set(APPROVAL_TASK.VERSION, task.version() + 1)
                .where(APPROVAL_TASK.ID.eq(task.id()), APPROVAL_TASK.VERSION.eq(task.version())).execute() == 1;
    }

    /** Cancels the open tasks of a step (or of the whole request when {@code stepKey} is null). */
    public void cancelOpenTasks(UUID requestId, String stepKey) {
        var where = APPROVAL_TASK.REQUEST_ID.eq(requestId)
                .and(APPROVAL_TASK.STATUS.in(TaskStatus.PENDING.name(), TaskStatus.WAITING.name()));
        if (stepKey != null) {
            where = where.and(APPROVAL_TASK.STEP_KEY.eq(stepKey));
        }
        dsl.update(APPROVAL_TASK).set(APPROVAL_TASK.STATUS, TaskStatus.CANCELLED.name())
                .set(APPROVAL_TASK.ACTED_AT, Rows.now(clock)).set(APPROVAL_TASK.VERSION, APPROVAL_TASK.VERSION.plus(1))
                .where(where).execute();
    }

    public Optional<ApprovalTask> task(UUID id) {
        return selectTask().where(APPROVAL_TASK.ID.eq(id)).fetchOptional(ApprovalRepository::toTask);
    }

    /** The request's tasks, by step and order. */
    public List<ApprovalTask> tasks(UUID requestId) {
        return selectTask().where(APPROVAL_TASK.REQUEST_ID.eq(requestId))
                .orderBy(APPROVAL_TASK.CREATED_AT, APPROVAL_TASK.SEQ, APPROVAL_TASK.ID).fetch(ApprovalRepository::toTask);
    }

    /**
     * The user's pending tasks, most urgent first: those with a due time soonest first, then those
     * without, oldest first; at most {@code limit}. Read from the urgency index, so the first page
     * of an inbox of thousands costs what the page costs; names come from one read of the roster.
     */
    public List<ApprovalTask> pendingOf(UUID approver, int limit) {
        Map<UUID, String> names = new HashMap<>();
        dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME).from(APP_USER).forEach(r -> names.put(r.value1(), r.value2()));
        var mine = APPROVAL_TASK.APPROVER_ID.eq(approver).and(APPROVAL_TASK.STATUS.eq(TaskStatus.PENDING.name()));
        // The page's ids first, from the task table alone; then only those rows are joined.
        List<UUID> ids = new ArrayList<>(dsl.select(APPROVAL_TASK.ID).from(APPROVAL_TASK)
                .where(mine, APPROVAL_TASK.DUE_AT.isNotNull())
                .orderBy(APPROVAL_TASK.DUE_AT, APPROVAL_TASK.ID).limit(limit).fetch(APPROVAL_TASK.ID));
        if (ids.size() < limit) {
            ids.addAll(dsl.select(APPROVAL_TASK.ID).from(APPROVAL_TASK).where(mine, APPROVAL_TASK.DUE_AT.isNull())
                    .orderBy(APPROVAL_TASK.CREATED_AT, APPROVAL_TASK.ID).limit(limit - ids.size())
                    .fetch(APPROVAL_TASK.ID));
        }
        Map<UUID, ApprovalTask> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            selectInboxTask().where(APPROVAL_TASK.ID.in(ids.subList(from, Math.min(ids.size(), from + 1_000))))
                    .forEach(r -> byId.put(r.get(APPROVAL_TASK.ID), toTask(r, names.get(approver),
                            names.get(r.get(APPROVAL_REQUEST.SUBMITTER_ID)), names.get(r.get(APPROVAL_TASK.ON_BEHALF_OF)))));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How many tasks wait for the user. */
    public int pendingCount(UUID approver) {
        return dsl.fetchCount(APPROVAL_TASK, APPROVAL_TASK.APPROVER_ID.eq(approver),
                APPROVAL_TASK.STATUS.eq(TaskStatus.PENDING.name()));
    }

    private SelectOnConditionStep<Record> selectInboxTask() {
        return dsl.select(APPROVAL_TASK.fields()).select(APPROVAL_STEP.NAME, APPROVAL_STEP.DUE_AT,
                        APPROVAL_REQUEST.TITLE, APPROVAL_REQUEST.ENTITY, APPROVAL_REQUEST.RECORD_ID,
                        APPROVAL_REQUEST.SUBMITTER_ID)
                .from(APPROVAL_TASK)
                .join(APPROVAL_STEP).on(APPROVAL_STEP.REQUEST_ID.eq(APPROVAL_TASK.REQUEST_ID),
                        APPROVAL_STEP.STEP_KEY.eq(APPROVAL_TASK.STEP_KEY))
                .join(APPROVAL_REQUEST).on(APPROVAL_REQUEST.ID.eq(APPROVAL_TASK.REQUEST_ID));
    }

    /** An open task whose approver has left (deactivated or deleted), with the leaver's manager. */
    public record LeftTask(UUID taskId, UUID requestId, UUID approverId, String approverName, UUID managerId) {
    }

    /**
     * Open tasks whose approver is no longer active and that were not flagged yet. Starts from the
     * few users who left, then their tasks by the inbox index, so the scheduler's minute-by-minute
     * run does not read every open task.
     */
    public List<LeftTask> tasksOfLeavers(int limit) {
        List<UUID> leavers = dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ACTIVE.isFalse().or(APP_USER.DELETED_AT.isNotNull())).fetch(APP_USER.ID);
        if (leavers.isEmpty()) {
            return List.of();
        }
        return dsl.select(APPROVAL_TASK.ID, APPROVAL_TASK.REQUEST_ID, APPROVAL_TASK.APPROVER_ID, APPROVER.DISPLAY_NAME,
                        APPROVER.MANAGER_ID)
                .from(APPROVAL_TASK).join(APPROVER).on(APPROVER.ID.eq(APPROVAL_TASK.APPROVER_ID))
                .where(APPROVAL_TASK.APPROVER_ID.in(leavers),
                        APPROVAL_TASK.STATUS.in(TaskStatus.PENDING.name(), TaskStatus.WAITING.name()),
                        APPROVAL_TASK.FLAGGED_AT.isNull())
                .orderBy(APPROVAL_TASK.CREATED_AT).limit(limit)
                .fetch(r -> new LeftTask(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The manager on a user's record, whether or not either is still active. */
    public Optional<UUID> managerOnRecord(UUID userId) {
        return dsl.select(APP_USER.MANAGER_ID).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.MANAGER_ID);
    }

    /** Marks a task as flagged (its approver left and nobody could take it over). */
    public void flagTask(UUID taskId) {
        dsl.update(APPROVAL_TASK).set(APPROVAL_TASK.FLAGGED_AT, Rows.now(clock)).where(APPROVAL_TASK.ID.eq(taskId))
                .execute();
    }

    /**
     * The user's closed tasks, latest first — after the tasks of theirs waiting for a signer they added
     * before themselves (加签), which would otherwise be in none of their lists until they reopen.
     */
    public List<ApprovalTask> doneBy(UUID approver, int limit) {
        io.salesdesk.db.jooq.tables.ApprovalTask added = APPROVAL_TASK.as("added");
        var waitingForSigner = APPROVAL_TASK.STATUS.eq(TaskStatus.WAITING.name()).and(DSL.exists(DSL.selectOne()
                .from(added).where(added.ADDED_FOR.eq(APPROVAL_TASK.ID),
                        added.ADDED_POSITION.eq(SignerPosition.BEFORE.name()),
                        added.STATUS.in(TaskStatus.PENDING.name(), TaskStatus.WAITING.name()))));
        return selectTask().where(APPROVAL_TASK.APPROVER_ID.eq(approver),
                        APPROVAL_TASK.STATUS.in(TaskStatus.APPROVED.name(), TaskStatus.REJECTED.name(),
                                TaskStatus.TRANSFERRED.name()).or(waitingForSigner))
                .orderBy(APPROVAL_TASK.ACTED_AT.desc().nullsFirst(), APPROVAL_TASK.ID).limit(limit)
                .fetch(ApprovalRepository::toTask);
    }

    private SelectOnConditionStep<Record> selectTask() {
        return dsl.select(APPROVAL_TASK.fields()).select(APPROVAL_STEP.NAME, APPROVAL_STEP.DUE_AT, APPROVER.DISPLAY_NAME,
                        APPROVAL_REQUEST.TITLE, APPROVAL_REQUEST.ENTITY, APPROVAL_REQUEST.RECORD_ID,
                        APPROVAL_REQUEST.SUBMITTER_ID, SUBMITTER.DISPLAY_NAME, PRINCIPAL.DISPLAY_NAME)
                .from(APPROVAL_TASK)
                .join(APPROVAL_STEP).on(APPROVAL_STEP.REQUEST_ID.eq(APPROVAL_TASK.REQUEST_ID),
                        APPROVAL_STEP.STEP_KEY.eq(APPROVAL_TASK.STEP_KEY))
                .join(APPROVAL_REQUEST).on(APPROVAL_REQUEST.ID.eq(APPROVAL_TASK.REQUEST_ID))
                .join(APPROVER).on(APPROVER.ID.eq(APPROVAL_TASK.APPROVER_ID))
                .join(SUBMITTER).on(SUBMITTER.ID.eq(APPROVAL_REQUEST.SUBMITTER_ID))
                .leftJoin(PRINCIPAL).on(PRINCIPAL.ID.eq(APPROVAL_TASK.ON_BEHALF_OF));
    }

    private static ApprovalTask toTask(Record r) {
        return toTask(r, r.get(APPROVER.DISPLAY_NAME), r.get(SUBMITTER.DISPLAY_NAME), r.get(PRINCIPAL.DISPLAY_NAME));
    }

    private static ApprovalTask toTask(Record r, String approverName, String submitterName, String principalName) {
        return new ApprovalTask(r.get(APPROVAL_TASK.ID), r.get(APPROVAL_TASK.REQUEST_ID), r.get(APPROVAL_TASK.STEP_KEY),
                r.get(APPROVAL_STEP.NAME), r.get(APPROVAL_TASK.ROUND_NO), r.get(APPROVAL_TASK.SEQ), r.get(APPROVAL_TASK.APPROVER_ID),
                approverName, TaskStatus.valueOf(r.get(APPROVAL_TASK.STATUS)),
                r.get(APPROVAL_TASK.CREATED_AT), r.get(APPROVAL_TASK.ACTED_AT), r.get(APPROVAL_TASK.NOTE),
                r.get(APPROVAL_REQUEST.TITLE), r.get(APPROVAL_REQUEST.ENTITY), r.get(APPROVAL_REQUEST.RECORD_ID),
                r.get(APPROVAL_REQUEST.SUBMITTER_ID), submitterName, r.get(APPROVAL_STEP.DUE_AT),
                r.get(APPROVAL_TASK.VERSION), r.get(APPROVAL_TASK.ADDED_FOR),
                position(r.get(APPROVAL_TASK.ADDED_POSITION)), r.get(APPROVAL_TASK.ON_BEHALF_OF), principalName);
    }

    private static SignerPosition position(String name) {
        return name == null ? null : SignerPosition.valueOf(name);
    }

    // ------------------------------------------------------------------ history

    public void event(UUID requestId, String stepKey, UUID actor, ApprovalEvent.Kind kind, String note) {
        event(requestId, stepKey, actor, kind, note, null, null, null);
    }

    /**
     * An entry that may name a signer added (加签, with where) and the approver a delegate acted for.
     */
    public void event(UUID requestId, String stepKey, UUID actor, ApprovalEvent.Kind kind, String note,
                      UUID signer, SignerPosition signerPosition, UUID onBehalfOf) {
        int position = dsl.fetchCount(APPROVAL_EVENT, APPROVAL_EVENT.REQUEST_ID.eq(requestId)) + 1;
        dsl.insertInto(APPROVAL_EVENT).set(APPROVAL_EVENT.ID, Ids.newId(clock))
                .set(APPROVAL_EVENT.REQUEST_ID, requestId).set(APPROVAL_EVENT.POSITION_NO, position).set(APPROVAL_EVENT.STEP_KEY, stepKey)
                .set(APPROVAL_EVENT.ACTOR_ID, actor).set(APPROVAL_EVENT.KIND, kind.name())
                .set(APPROVAL_EVENT.NOTE, note == null ? null : shorten(note, 2000))
                .set(APPROVAL_EVENT.SIGNER_ID, signer)
                .set(APPROVAL_EVENT.SIGNER_POSITION, signerPosition == null ? null : signerPosition.name())
                .set(APPROVAL_EVENT.ON_BEHALF_OF, onBehalfOf)
                .set(APPROVAL_EVENT.OCCURRED_AT, Rows.now(clock)).execute();
    }

    public List<ApprovalEvent> history(UUID requestId) {
        return dsl.select(APPROVAL_EVENT.ID, APPROVAL_EVENT.STEP_KEY, APPROVAL_EVENT.ACTOR_ID, APP_USER.DISPLAY_NAME,
                        APPROVAL_EVENT.KIND, APPROVAL_EVENT.NOTE, APPROVAL_EVENT.OCCURRED_AT, APPROVAL_EVENT.SIGNER_ID,
                        SIGNER.DISPLAY_NAME, APPROVAL_EVENT.SIGNER_POSITION, APPROVAL_EVENT.ON_BEHALF_OF,
                        PRINCIPAL.DISPLAY_NAME)
                .from(APPROVAL_EVENT).leftJoin(APP_USER).on(APP_USER.ID.eq(APPROVAL_EVENT.ACTOR_ID))
                .leftJoin(SIGNER).on(SIGNER.ID.eq(APPROVAL_EVENT.SIGNER_ID))
                .leftJoin(PRINCIPAL).on(PRINCIPAL.ID.eq(APPROVAL_EVENT.ON_BEHALF_OF))
                .where(APPROVAL_EVENT.REQUEST_ID.eq(requestId))
                .orderBy(APPROVAL_EVENT.POSITION_NO, APPROVAL_EVENT.ID)
                .fetch(r -> new ApprovalEvent(r.value1(), r.value2(), r.value3(), r.value4(),
                        ApprovalEvent.Kind.valueOf(r.value5()), r.value6(), r.value7(), r.value8(), r.value9(),
                        position(r.value10()), r.value11(), r.value12()));
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
