package io.salesdesk.workflow.approval;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.exception.DataAccessException;

/**
 * The approval engine: starts a request when a record is submitted under an active flow, gives
 * each step's approvers their tasks, moves the route on as they act — approve, reject (to the
 * submitter or back one step), transfer — lets the submitter recall, and ends the request, telling
 * the owning module ({@link ApprovalOutcome}) and the people involved.
 *
 * <p>Every action runs in one transaction. Deciding a step is a compare-and-set on the step's
 * version; when two people act on the same step at once, the later transaction runs again on
 * fresh data and either proceeds (all-must-sign) or is told the step was already decided
 * (first-wins).
 */
public final class ApprovalService {

    public static final int INBOX_LIMIT = 10_000;
    private static final int ATTEMPTS = 4;

    private final Database db;
    private final Clock clock;
    private final Function<Configuration, ApproverDirectory> directories;
    private final Locale locale;
    private final Map<String, ApprovalOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, ApprovalTrigger> triggers = new ConcurrentHashMap<>();

    /**
     * @param directories the users as approvers, read in the action's transaction
     * @param locale      the language of the messages sent to people's inboxes
     */
    public ApprovalService(Database db, Clock clock, Function<Configuration, ApproverDirectory> directories,
                           Locale locale) {
        this.db = db;
        this.clock = clock;
        this.directories = directories;
        this.locale = locale;
    }

    /** Registers what happens to an entity's records when their requests end. */
    public void onDecision(String entity, ApprovalOutcome outcome) {
        outcomes.put(entity, outcome);
    }

    /** Makes an entity's action available to flows (the designer lists it with its fields). */
    public void register(ApprovalTrigger trigger) {
        triggers.put(trigger.entity() + "/" + trigger.action(), trigger);
    }

    /** The actions flows can be attached to, by entity and action. */
    public List<ApprovalTrigger> triggers() {
        return triggers.values().stream()
                .sorted(java.util.Comparator.comparing(ApprovalTrigger::entity).thenComparing(ApprovalTrigger::action))
                .toList();
    }

    // ------------------------------------------------------------------ flows

    /** Saves a flow's definition as its new current version (the first version if it is new). */
    public int saveFlow(Actor actor, String entity, String action, String name, FlowDefinition definition) {
        requireDesigner(actor);
        FlowValidator.check(definition);
        String json = ApprovalJson.write(definition);
        return db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            Optional<UUID> existing = repo.flowId(entity, action);
            if (existing.isEmpty()) {
                repo.insertFlow(actor.userId(), Ids.newId(clock), entity, action, name, json);
                return 1;
            }
            return repo.newVersion(actor.userId(), existing.get(), name, json);
        });
    }

    /** The current definition of an entity's action, if a flow exists. */
    public Optional<FlowDefinition> flow(String entity, String action) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).activeFlow(entity, action)
                .map(f -> ApprovalJson.flow(f.definitionJson())));
    }

    /**
     * The route the current flow would take for these field values, without starting anything:
     * what the designer's simulator and {@code salesdesk approval simulate} show.
     */
    public Optional<Route> simulate(String entity, String action, Map<String, Object> fields, UUID submitter) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).activeFlow(entity, action)
                .map(f -> new RoutePlanner(directories.apply(cfg)).plan(ApprovalJson.flow(f.definitionJson()), fields,
                        submitter)));
    }

    // ------------------------------------------------------------------ the designer

    /** Every flow with its name, current version and whether it is active (the settings list). */
    public List<FlowSummary> flows() {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).flows());
    }

    /**
     * What saving this definition would refuse, without saving: each problem names the node's id
     * as its field ("nodes" for the flow as a whole). Empty when the flow can be saved.
     */
    public List<ValidationException.FieldProblem> validate(FlowDefinition definition) {
        return FlowValidator.problems(definition);
    }

    /**
     * The route a definition would take for these field values, without saving it or starting
     * anything: the designer's simulator plans the flow being edited.
     *
     * @throws SalesDeskException {@code approval.noApprover} naming the step that has nobody to sign
     */
    public Route simulate(FlowDefinition definition, Map<String, Object> fields, UUID submitter) {
        return db.transactionResult(cfg -> new RoutePlanner(directories.apply(cfg)).plan(definition, fields, submitter));
    }

    // ------------------------------------------------------------------ submitting

    /**
     * Submits a record under the active flow of its entity and action; empty when there is none
     * (the action needs no approval). Runs in the caller's transaction, so the record's own
     * change (e.g. a contract moving to "in approval") and the request commit together.
     *
     * @throws SalesDeskException {@code approval.alreadyPending} if the record has a pending
     *                            request; {@code approval.noApprover} if a step has nobody to sign
     */
    public Optional<ApprovalRequest> submit(Configuration cfg, Actor submitter, ApprovalSubject subject) {
        ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
        Optional<ApprovalRepository.FlowVersion> flow = repo.activeFlow(subject.entity(), subject.action());
        if (flow.isEmpty()) {
            return Optional.empty();
        }
        if (repo.pendingFor(subject.entity(), subject.recordId()).isPresent()) {
            throw new SalesDeskException("approval.alreadyPending", subject.title());
        }
        Route route = new RoutePlanner(directories.apply(cfg)).plan(ApprovalJson.flow(flow.get().definitionJson()),
                subject.fields(), submitter.userId());
        UUID id = Ids.newId(clock);
        repo.insertRequest(id, flow.get(), subject, submitter.userId(), ApprovalJson.write(stringValues(subject)),
                ApprovalJson.write(route));
        Set<String> seen = new HashSet<>();
        for (RouteStep step : route.steps()) {
            if (seen.add(step.key())) {
                repo.insertStep(id, step);
            }
        }
        repo.event(id, null, submitter.userId(), ApprovalEvent.Kind.SUBMITTED, null);
        advance(cfg, repo, id, route);
        return repo.request(id);
    }

    /** {@link #submit(Configuration, Actor, ApprovalSubject)} in a transaction of its own. */
    public Optional<ApprovalRequest> submit(Actor submitter, ApprovalSubject subject) {
        return db.transactionResult(cfg -> submit(cfg, submitter, subject));
    }

    private static Map<String, Object> stringValues(ApprovalSubject subject) {
        Map<String, Object> values = new HashMap<>();
        subject.fields().forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
        return values;
    }

    // ------------------------------------------------------------------ acting

    /** Approves the actor's task; the route moves on when the step is decided. */
    public ApprovalRequest approve(Actor actor, UUID taskId, String note) {
        return act(actor, taskId, (cfg, repo, task, step, route) -> {
            close(repo, task, TaskStatus.APPROVED, note);
            repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.APPROVED, note);
            settleStep(cfg, repo, route, task.requestId(), step);
        });
    }

    /**
     * Rejects on the actor's task: the request ends rejected and the submitter is told, or with
     * {@code backOneStep} the step before this one in its sequence signs again (a first step, or
     * one right after a parallel split, goes back to the submitter instead).
     */
    public ApprovalRequest reject(Actor actor, UUID taskId, String note, boolean backOneStep) {
        if (note == null || note.isBlank()) {
            throw new SalesDeskException("approval.reason.required");
        }
        return act(actor, taskId, (cfg, repo, task, step, route) -> {
            close(repo, task, TaskStatus.REJECTED, note);
            RouteStep previous = backOneStep ? RouteProgress.previous(route.nodes(), task.stepKey()) : null;
            if (previous == null) {
                repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.REJECTED, note);
                moveOrRetry(repo, task.requestId(), step, StepStatus.REJECTED, null);
                end(cfg, repo, task.requestId(), RequestStatus.REJECTED);
                return;
            }
            repo.event(task.requestId(), previous.key(), actor.userId(), ApprovalEvent.Kind.SENT_BACK, note);
            repo.cancelOpenTasks(task.requestId(), task.stepKey());
            moveOrRetry(repo, task.requestId(), step, StepStatus.WAITING, null);
            ApprovalStepState before = stepStates(repo, task.requestId()).get(previous.key());
            moveOrRetry(repo, task.requestId(), before, StepStatus.WAITING, null);
            advance(cfg, repo, task.requestId(), route);
        });
    }

    /** Hands the actor's task to someone else (转交), who gets it in their inbox. */
    public ApprovalRequest transfer(Actor actor, UUID taskId, UUID toUser, String note) {
        Objects.requireNonNull(toUser, "toUser");
        return act(actor, taskId, (cfg, repo, task, step, route) -> {
            if (toUser.equals(actor.userId()) || !directories.apply(cfg).isActive(toUser)) {
                throw new SalesDeskException("approval.transfer.invalid");
            }
            boolean alreadyThere = roundTasks(repo, task.requestId(), step).stream()
                    .anyMatch(t -> t.approverId().equals(toUser) && !t.status().closed());
            close(repo, task, TaskStatus.TRANSFERRED, note);
            if (!alreadyThere) {
                repo.insertTask(task.requestId(), task.stepKey(), task.round(), task.seq(), toUser, TaskStatus.PENDING);
                tell(cfg, List.of(toUser), "approval.notify.task", task.requestTitle(), task.stepName());
            }
            repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.TRANSFERRED, note);
        });
    }

    /** The submitter takes back a pending request; every open task closes. */
    public ApprovalRequest recall(Actor actor, UUID requestId, String note) {
        return retrying(() -> db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApprovalRequest request = repo.request(requestId)
                    .orElseThrow(() -> new SalesDeskException("approval.request.notFound"));
            if (!request.submitterId().equals(actor.userId())) {
                throw new SalesDeskException("approval.recall.notSubmitter");
            }
            if (request.status() != RequestStatus.PENDING) {
                throw new SalesDeskException("approval.request.closed", request.title());
            }
            repo.event(requestId, null, actor.userId(), ApprovalEvent.Kind.RECALLED, note);
            end(cfg, repo, requestId, RequestStatus.RECALLED);
            return repo.request(requestId).orElseThrow();
        }));
    }

    /** Adds a remark to a request's history; anyone on the request may. */
    public void comment(Actor actor, UUID requestId, String note) {
        if (note == null || note.isBlank()) {
            return;
        }
        db.transaction(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApprovalRequest request = repo.request(requestId)
                    .orElseThrow(() -> new SalesDeskException("approval.request.notFound"));
            boolean involved = request.submitterId().equals(actor.userId()) || actor.role().seesEverything()
                    || repo.tasks(requestId).stream().anyMatch(t -> t.approverId().equals(actor.userId()));
            if (!involved) {
                throw new SalesDeskException("approval.request.notFound");
            }
            repo.event(requestId, null, actor.userId(), ApprovalEvent.Kind.COMMENTED, note);
        });
    }

    // ------------------------------------------------------------------ reading

    /** The viewer's tasks waiting for them, most urgent first. */
    public List<ApprovalTask> inbox(Actor viewer) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock)
                .tasksOf(viewer.userId(), EnumSet.of(TaskStatus.PENDING), INBOX_LIMIT));
    }

    /** The tasks the viewer acted on, latest first. */
    public List<ApprovalTask> done(Actor viewer, int limit) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).doneBy(viewer.userId(), limit));
    }

    /** The requests the viewer submitted, newest first. */
    public List<ApprovalRequest> submitted(Actor viewer, int limit) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).submittedBy(viewer.userId(), limit));
    }

    /** A request with its steps, tasks and history. */
    public Optional<ApprovalDetail> detail(UUID requestId) {
        return db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            return repo.request(requestId).map(r -> new ApprovalDetail(r, ApprovalJson.route(repo.routeJson(requestId)),
                    repo.steps(requestId), repo.tasks(requestId), repo.history(requestId)));
        });
    }

    /** The record's pending request in the caller's transaction. */
    public Optional<ApprovalRequest> pendingIn(Configuration cfg, String entity, UUID recordId) {
        return ApprovalRepository.using(cfg, clock).pendingFor(entity, recordId);
    }

    /** The record's pending request, if any: a record under approval is not edited (when the flow says so). */
    public Optional<ApprovalRequest> pendingFor(String entity, UUID recordId) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).pendingFor(entity, recordId));
    }

    // ------------------------------------------------------------------ the engine

    @FunctionalInterface
    private interface TaskAction {
        void run(Configuration cfg, ApprovalRepository repo, ApprovalTask task, ApprovalStepState step, Route route);
    }

    /** Runs an approver's action on an open task of theirs, on an active step of a pending request. */
    private ApprovalRequest act(Actor actor, UUID taskId, TaskAction action) {
        return retrying(() -> db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApprovalTask task = repo.task(taskId).orElseThrow(() -> new SalesDeskException("approval.task.notFound"));
            if (!task.approverId().equals(actor.userId())) {
                throw new SalesDeskException("approval.task.notYours");
            }
            ApprovalRequest request = repo.request(task.requestId()).orElseThrow();
            ApprovalStepState step = stepStates(repo, task.requestId()).get(task.stepKey());
            if (request.status() != RequestStatus.PENDING || task.status() != TaskStatus.PENDING
                    || step.status() != StepStatus.ACTIVE) {
                throw new SalesDeskException("approval.task.decided", task.stepName());
            }
            // Claims the step first: every action on it queues on this row, in the same order on
            // both databases, so concurrent actions cannot lock task rows in opposite orders.
            moveOrRetry(repo, task.requestId(), step, StepStatus.ACTIVE, step.dueAt());
            ApprovalStepState claimed = stepStates(repo, task.requestId()).get(task.stepKey());
            action.run(cfg, repo, task, claimed, ApprovalJson.route(repo.routeJson(task.requestId())));
            return repo.request(task.requestId()).orElseThrow();
        }));
    }

    /**
     * Runs again on fresh data when a concurrent action moved the same rows first, or the
     * database rolled the transaction back for a conflict or deadlock (SQLSTATE class 40).
     */
    private static <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrentChange | DataAccessException e) {
                boolean conflict = e instanceof ConcurrentChange
                        || (e instanceof DataAccessException dae && dae.sqlState() != null
                        && dae.sqlState().startsWith("40"));
                if (!conflict || attempt >= ATTEMPTS) {
                    throw e instanceof ConcurrentChange ? new SalesDeskException("approval.busy") : (RuntimeException) e;
                }
            }
        }
    }

    /** A compare-and-set lost to a concurrent action; the transaction rolls back and runs again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }

    private static void moveOrRetry(ApprovalRepository repo, UUID requestId, ApprovalStepState from, StepStatus to,
                                    OffsetDateTime dueAt) {
        if (!repo.moveStep(requestId, from, to, dueAt)) {
            throw new ConcurrentChange();
        }
    }

    private static void close(ApprovalRepository repo, ApprovalTask task, TaskStatus to, String note) {
        if (!repo.moveTask(task, to, note)) {
            throw new ConcurrentChange();
        }
    }

    /** The tasks of the step's current round (a step sent back to signs again with new tasks). */
    private static List<ApprovalTask> roundTasks(ApprovalRepository repo, UUID requestId, ApprovalStepState step) {
        return repo.tasks(requestId).stream()
                .filter(t -> t.stepKey().equals(step.key()) && t.round() == step.round()).toList();
    }

    private static Map<String, ApprovalStepState> stepStates(ApprovalRepository repo, UUID requestId) {
        Map<String, ApprovalStepState> states = new HashMap<>();
        repo.steps(requestId).forEach(s -> states.put(s.key(), s));
        return states;
    }

    /**
     * After a task closed: decides the step by its mode (or opens the next approver of a
     * sequential step), then moves the route on.
     */
    private void settleStep(Configuration cfg, ApprovalRepository repo, Route route, UUID requestId,
                            ApprovalStepState step) {
        List<ApprovalTask> tasks = roundTasks(repo, requestId, step);
        StepStatus decided = decide(step.mode(), tasks);
        if (decided == null && step.mode() == SignMode.SEQUENTIAL) {
            Optional<ApprovalTask> next = tasks.stream().filter(t -> t.status() == TaskStatus.WAITING).findFirst();
            if (next.isPresent()) {
                openSequential(cfg, repo, route, requestId, next.get());
                decided = decide(step.mode(), roundTasks(repo, requestId, step));
            }
        }
        if (decided == null) {
            // Still waiting for others (the step was claimed, so no concurrent last approval
            // can have missed this one).
            return;
        }
        moveOrRetry(repo, requestId, step, decided, null);
        repo.cancelOpenTasks(requestId, step.key());
        advance(cfg, repo, requestId, route);
    }

    /** The step's outcome from its tasks, or null while undecided. */
    private static StepStatus decide(SignMode mode, List<ApprovalTask> tasks) {
        List<ApprovalTask> live = tasks.stream()
                .filter(t -> t.status() != TaskStatus.TRANSFERRED && t.status() != TaskStatus.CANCELLED).toList();
        if (live.stream().anyMatch(t -> t.status() == TaskStatus.REJECTED)) {
            return StepStatus.REJECTED;
        }
        boolean anyApproved = live.stream().anyMatch(t -> t.status() == TaskStatus.APPROVED);
        if (mode == SignMode.ANY) {
            if (anyApproved) {
                return StepStatus.APPROVED;
            }
            return live.stream().anyMatch(t -> t.status() == TaskStatus.SKIPPED) ? StepStatus.SKIPPED : null;
        }
        boolean allClosed = live.stream().allMatch(t -> t.status() == TaskStatus.APPROVED
                || t.status() == TaskStatus.SKIPPED);
        if (!allClosed) {
            return null;
        }
        return anyApproved ? StepStatus.APPROVED : StepStatus.SKIPPED;
    }

    /**
     * Activates every step the route has reached, giving its approvers tasks (or skipping them by
     * the flow's rules), until the route waits for someone or has passed entirely.
     */
    private void advance(Configuration cfg, ApprovalRepository repo, UUID requestId, Route route) {
        ApprovalRequest request = repo.request(requestId).orElseThrow();
        Map<String, RouteStep> byKey = new HashMap<>();
        route.steps().forEach(s -> byKey.put(s.key(), s));
        while (true) {
            Map<String, ApprovalStepState> states = stepStates(repo, requestId);
            Map<String, StepStatus> status = new HashMap<>();
            states.forEach((k, v) -> status.put(k, v.status()));
            Set<String> frontier = RouteProgress.frontier(route, status);
            if (frontier.isEmpty()) {
                repo.event(requestId, null, null, ApprovalEvent.Kind.COMPLETED, null);
                end(cfg, repo, requestId, RequestStatus.APPROVED);
                return;
            }
            boolean moved = false;
            for (String key : frontier) {
                ApprovalStepState state = states.get(key);
                if (state.status() != StepStatus.WAITING) {
                    continue;
                }
                RouteStep step = byKey.get(key);
                OffsetDateTime due = step.timeout() == null ? null
                        : Rows.now(clock).plus(Duration.ofHours(step.timeout().hours()));
                moveOrRetry(repo, requestId, state, StepStatus.ACTIVE, due);
                ApprovalStepState active = stepStates(repo, requestId).get(key);
                openTasks(cfg, repo, route, request, step, active.round());
                StepStatus decided = decide(step.mode(), roundTasks(repo, requestId, active));
                if (decided != null) {
                    moveOrRetry(repo, requestId, active, decided, null);
                    repo.cancelOpenTasks(requestId, key);
                    repo.event(requestId, key, null, ApprovalEvent.Kind.SKIPPED, null);
                }
                moved = true;
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Gives a step's approvers their tasks: all at once, or the first of a sequential step. */
    private void openTasks(Configuration cfg, ApprovalRepository repo, Route route, ApprovalRequest request,
                           RouteStep step, int round) {
        // A step signed again after a send-back starts with fresh tasks; the old ones stay as history.
        repo.cancelOpenTasks(request.id(), step.key());
        List<UUID> notify = new ArrayList<>();
        int seq = 0;
        boolean opened = false;
        for (UUID approver : step.approvers()) {
            seq++;
            boolean skip = skips(repo, route, request, approver);
            TaskStatus status;
            if (step.mode() == SignMode.SEQUENTIAL && opened) {
                status = TaskStatus.WAITING;
            } else if (skip) {
                status = TaskStatus.SKIPPED;
            } else {
                status = TaskStatus.PENDING;
                opened = step.mode() == SignMode.SEQUENTIAL;
                notify.add(approver);
            }
            repo.insertTask(request.id(), step.key(), round, seq, approver, status);
        }
        tell(cfg, notify, "approval.notify.task", request.title(), step.name());
    }

    /** Opens the next approver of a sequential step (skipping by the rules as they come). */
    private void openSequential(Configuration cfg, ApprovalRepository repo, Route route, UUID requestId,
                                ApprovalTask next) {
        ApprovalRequest request = repo.request(requestId).orElseThrow();
        List<ApprovalTask> waiting = repo.tasks(requestId).stream()
                .filter(t -> t.stepKey().equals(next.stepKey()) && t.round() == next.round()
                        && t.status() == TaskStatus.WAITING).toList();
        for (ApprovalTask t : waiting) {
            if (skips(repo, route, request, t.approverId())) {
                close(repo, t, TaskStatus.SKIPPED, null);
                continue;
            }
            close(repo, t, TaskStatus.PENDING, null);
            tell(cfg, List.of(t.approverId()), "approval.notify.task", request.title(), t.stepName());
            return;
        }
    }

    private static boolean skips(ApprovalRepository repo, Route route, ApprovalRequest request, UUID approver) {
        if (route.skipSubmitter() && approver.equals(request.submitterId())) {
            return true;
        }
        return route.skipRepeated() && repo.tasks(request.id()).stream()
                .anyMatch(t -> t.approverId().equals(approver) && t.status() == TaskStatus.APPROVED);
    }

    /** Ends the request: open tasks and steps close, the owning module and the submitter are told. */
    private void end(Configuration cfg, ApprovalRepository repo, UUID requestId, RequestStatus outcome) {
        if (!repo.finishRequest(requestId, outcome)) {
            throw new ConcurrentChange();
        }
        repo.cancelOpenTasks(requestId, null);
        for (ApprovalStepState s : repo.steps(requestId)) {
            if (s.status() == StepStatus.WAITING || s.status() == StepStatus.ACTIVE) {
                moveOrRetry(repo, requestId, s, StepStatus.CANCELLED, null);
            }
        }
        ApprovalRequest request = repo.request(requestId).orElseThrow();
        ApprovalOutcome hook = outcomes.get(request.entity());
        if (hook != null) {
            hook.decided(cfg, request, outcome);
        }
        if (outcome != RequestStatus.RECALLED) {
            tell(cfg, List.of(request.submitterId()), "approval.notify." + outcome.name().toLowerCase(Locale.ROOT),
                    request.title(), "");
        }
    }

    private void tell(Configuration cfg, List<UUID> recipients, String key, String title, String step) {
        if (recipients.isEmpty()) {
            return;
        }
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.workflow.approval", locale);
        NotificationRepository.using(cfg, clock).send(recipients, "APPROVAL",
                MessageFormat.format(words.getString(key + ".title"), title),
                MessageFormat.format(words.getString(key + ".body"), title, step), "approval", null);
    }

    private static void requireDesigner(Actor actor) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("approval.flow.notAllowed");
        }
    }
}
