package io.salesdesk.workflow.approval;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import io.salesdesk.workflow.sla.CalendarRepository;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);
    private static final int ATTEMPTS = 4;

    private final Database db;
    private final Clock clock;
    private final Function<Configuration, ApproverDirectory> directories;
    private final Locale locale;
    private final Map<String, ApprovalOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, ApprovalTrigger> triggers = new ConcurrentHashMap<>();
    private final SubjectExtras extras;

    /** A service whose flows read only the fields the owning modules register. */
    public ApprovalService(Database db, Clock clock, Function<Configuration, ApproverDirectory> directories,
                           Locale locale) {
        this(db, clock, directories, locale, SubjectExtras.none());
    }

    /**
     * @param directories the users as approvers, read in the action's transaction
     * @param locale      the language of the messages sent to people's inboxes
     * @param extras      the fields records carry beyond their module's own (custom fields)
     */
    public ApprovalService(Database db, Clock clock, Function<Configuration, ApproverDirectory> directories,
                           Locale locale, SubjectExtras extras) {
        this.db = db;
        this.clock = clock;
        this.directories = directories;
        this.locale = locale;
        this.extras = extras;
    }

    /** Registers what happens to an entity's records when their requests end. */
    public void onDecision(String entity, ApprovalOutcome outcome) {
        outcomes.put(entity, outcome);
    }

    /** Makes an entity's action available to flows (the designer lists it with its fields). */
    public void register(ApprovalTrigger trigger) {
        triggers.put(trigger.entity() + "/" + trigger.action(), trigger);
    }

    /** The actions flows can be attached to, by entity and action, each with its entity's custom fields. */
    public List<ApprovalTrigger> triggers() {
        return triggers.values().stream()
                .map(t -> t.withMore(extras.fields(t.entity())))
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
     * or when no step of the flow applies to the record (either way the action needs no approval).
     * Runs in the caller's transaction, so the record's own
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
        // Conditions may test the custom fields a director added to the entity.
        ApprovalSubject full = withExtras(cfg, subject);
        Route route = new RoutePlanner(directories.apply(cfg)).plan(ApprovalJson.flow(flow.get().definitionJson()),
                full.fields(), submitter.userId());
        if (route.steps().isEmpty()) {
            // No branch applies to this record (e.g. a discount under every threshold): it needs no
            // approval, as if there were no flow; no request, no "approved" message in the inbox.
            return Optional.empty();
        }
        UUID id = Ids.newId(clock);
        repo.insertRequest(id, flow.get(), full, submitter.userId(), ApprovalJson.write(stringValues(full)),
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

    /** The subject with its custom values added; the module's own fields win a clash of names. */
    private ApprovalSubject withExtras(Configuration cfg, ApprovalSubject subject) {
        Map<String, Object> more = extras.values(cfg, subject.entity(), subject.recordId());
        if (more.isEmpty()) {
            return subject;
        }
        Map<String, Object> all = new HashMap<>(more);
        all.putAll(subject.fields());
        return new ApprovalSubject(subject.entity(), subject.action(), subject.recordId(), subject.title(), all);
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
            repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.APPROVED, note, null, null,
                    task.onBehalfOfId());
            if (!passToSigners(cfg, repo, task)) {
                settleStep(cfg, repo, route, task.requestId(), step);
            }
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
                repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.REJECTED, note, null,
                        null, task.onBehalfOfId());
                moveOrRetry(repo, task.requestId(), step, StepStatus.REJECTED, null);
                end(cfg, repo, task.requestId(), RequestStatus.REJECTED);
                return;
            }
            repo.event(task.requestId(), previous.key(), actor.userId(), ApprovalEvent.Kind.SENT_BACK, note, null, null,
                    task.onBehalfOfId());
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
            Assignee to = assigneeOtherThan(cfg, repo.request(task.requestId()).orElseThrow(), toUser, actor.userId());
            List<ApprovalTask> round = roundTasks(repo, task.requestId(), step);
            boolean alreadyThere = round.stream()
                    .anyMatch(t -> t.approverId().equals(to.approverId()) && !t.status().closed());
            boolean withSigners = task.addedFor() != null || round.stream()
                    .anyMatch(t -> task.id().equals(t.addedFor()) && !t.status().closed());
            if (alreadyThere && withSigners) {
                // Merging into their task would lose where the signers stand (加签).
                throw new SalesDeskException("approval.signer.alreadyOnStep", displayName(cfg, to.approverId()));
            }
            close(repo, task, TaskStatus.TRANSFERRED, note);
            if (!alreadyThere) {
                UUID handedOn = repo.insertTask(task.requestId(), task.stepKey(), task.round(), task.seq(),
                        to.approverId(), TaskStatus.PENDING, task.addedFor(), task.addedPosition(), to.onBehalfOf());
                repo.moveSigners(task.id(), handedOn);
                tell(cfg, List.of(to.approverId()), "approval.notify.task", task.requestTitle(), task.stepName());
            }
            repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.TRANSFERRED, note, null, null,
                    task.onBehalfOfId());
        });
    }

    /**
     * 加签: adds another active user to the step of the actor's open task. {@link SignerPosition#BEFORE}:
     * they approve first while the actor's task waits, then it reopens for the actor;
     * {@link SignerPosition#AFTER}: once the actor approved they get a task and must approve too before
     * the step is decided (also on a first-wins step). The signer can reject (the step is rejected like
     * any rejection), transfer, or add a signer in turn.
     *
     * @throws SalesDeskException {@code approval.signer.invalid} for oneself or an inactive user,
     *                            {@code approval.signer.submitter} for the request's submitter,
     *                            {@code approval.signer.alreadyOnStep} if they have an open task on the step
     */
    public ApprovalRequest addSigner(Actor actor, UUID taskId, UUID signer, SignerPosition position, String note) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(position, "position");
        return act(actor, taskId, (cfg, repo, task, step, route) -> {
            ApprovalRequest request = repo.request(task.requestId()).orElseThrow();
            if (signer.equals(actor.userId()) || !directories.apply(cfg).isActive(signer)) {
                throw new SalesDeskException("approval.signer.invalid");
            }
            if (signer.equals(request.submitterId())) {
                throw new SalesDeskException("approval.signer.submitter");
            }
            // A signer before me gets their task now (their delegate's, if they are away); one after me
            // waits, and is given to whoever signs for them when my approval opens it.
            Assignee who = position == SignerPosition.BEFORE ? assigneeOtherThan(cfg, request, signer, actor.userId())
                    : new Assignee(signer, null);
            boolean alreadyThere = roundTasks(repo, task.requestId(), step).stream()
                    .anyMatch(t -> !t.status().closed() && (t.principalId().equals(signer)
                            || t.approverId().equals(who.approverId())));
            if (alreadyThere) {
                throw new SalesDeskException("approval.signer.alreadyOnStep", displayName(cfg, signer));
            }
            if (position == SignerPosition.BEFORE) {
                close(repo, task, TaskStatus.WAITING, null);
                repo.insertTask(task.requestId(), task.stepKey(), task.round(), task.seq(), who.approverId(),
                        TaskStatus.PENDING, task.id(), position, who.onBehalfOf());
                tell(cfg, List.of(who.approverId()), "approval.notify.task", request.title(), task.stepName());
            } else {
                repo.insertTask(task.requestId(), task.stepKey(), task.round(), task.seq(), signer, TaskStatus.WAITING,
                        task.id(), position, null);
            }
            repo.event(task.requestId(), task.stepKey(), actor.userId(), ApprovalEvent.Kind.ADDED_SIGNER, note, signer,
                    position, task.onBehalfOfId());
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

    // ------------------------------------------------------------------ delegation (外出委托)

    /**
     * 外出委托: from {@code from} to {@code to} (business dates, inclusive) the actor's new approval
     * tasks go to {@code delegateUserId}, who signs on their behalf. Tasks already in the actor's
     * inbox stay there (see {@link #assignee}).
     *
     * @throws SalesDeskException {@code approval.delegation.dates} without a range or with its end
     *                            before its start, {@code approval.delegation.past} for a range
     *                            already over, {@code approval.delegation.invalid} to oneself or an
     *                            inactive user, {@code approval.delegation.overlap} when another
     *                            delegation of the actor shares a day with it
     */
    public ApprovalDelegation delegate(Actor actor, LocalDate from, LocalDate to, UUID delegateUserId, String note) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new SalesDeskException("approval.delegation.dates");
        }
        if (to.isBefore(BusinessTime.today(clock))) {
            throw new SalesDeskException("approval.delegation.past");
        }
        String remark = note == null || note.isBlank() ? null : note.strip();
        if (remark != null && remark.length() > 500) {
            remark = remark.substring(0, 499) + "…";
        }
        String saved = remark;
        return db.transactionResult(cfg -> {
            if (delegateUserId == null || delegateUserId.equals(actor.userId())
                    || !directories.apply(cfg).isActive(delegateUserId)) {
                throw new SalesDeskException("approval.delegation.invalid");
            }
            ApprovalDelegationRepository repo = ApprovalDelegationRepository.using(cfg, clock);
            List<ApprovalDelegation> clash = repo.overlapping(actor.userId(), from, to);
            if (!clash.isEmpty()) {
                throw new SalesDeskException("approval.delegation.overlap", clash.get(0).startsOn().toString(),
                        clash.get(0).endsOn().toString(), clash.get(0).delegateName());
            }
            UUID id = Ids.newId(clock);
            repo.insert(id, actor.userId(), delegateUserId, from, to, saved);
            return repo.byId(id).orElseThrow();
        });
    }

    /** Ends one of the actor's delegations (back early, plans changed); new tasks reach them again. */
    public void cancelDelegation(Actor actor, UUID delegationId) {
        db.transaction(cfg -> {
            ApprovalDelegationRepository repo = ApprovalDelegationRepository.using(cfg, clock);
            ApprovalDelegation delegation = repo.byId(delegationId)
                    .filter(d -> d.userId().equals(actor.userId()))
                    .orElseThrow(() -> new SalesDeskException("approval.delegation.notFound"));
            if (!repo.cancel(delegation, actor.userId())) {
                throw new SalesDeskException("approval.delegation.notFound");
            }
        });
    }

    /** The actor's delegations in force today or to come, earliest first. */
    public List<ApprovalDelegation> delegations(Actor actor) {
        return db.transactionResult(cfg -> ApprovalDelegationRepository.using(cfg, clock)
                .currentAndFuture(actor.userId(), BusinessTime.today(clock)));
    }

    // ------------------------------------------------------------------ reading

    /** The viewer's tasks waiting for them, most urgent first (at most {@link #INBOX_LIMIT}). */
    public List<ApprovalTask> inbox(Actor viewer) {
        return inbox(viewer, INBOX_LIMIT);
    }

    /** The viewer's {@code limit} most urgent tasks: the first page of a large inbox. */
    public List<ApprovalTask> inbox(Actor viewer, int limit) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).pendingOf(viewer.userId(), limit));
    }

    /** How many tasks wait for the viewer (the badge on the navigation). */
    public int inboxCount(Actor viewer) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).pendingCount(viewer.userId()));
    }

    /** The tasks the viewer acted on, latest first; first those waiting for a signer they added before them. */
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

    /**
     * Whether the entity's action has an active flow, in the caller's transaction: a module whose
     * flow replaces a built-in rule (the quote discount threshold) asks before deciding by the rule.
     */
    public boolean hasFlow(Configuration cfg, String entity, String action) {
        return ApprovalRepository.using(cfg, clock).activeFlow(entity, action).isPresent();
    }

    /** The record's pending request in the caller's transaction. */
    public Optional<ApprovalRequest> pendingIn(Configuration cfg, String entity, UUID recordId) {
        return ApprovalRepository.using(cfg, clock).pendingFor(entity, recordId);
    }

    /** The record's pending request, if any: a record under approval is not edited (when the flow says so). */
    public Optional<ApprovalRequest> pendingFor(String entity, UUID recordId) {
        return db.transactionResult(cfg -> ApprovalRepository.using(cfg, clock).pendingFor(entity, recordId));
    }

    // ------------------------------------------------------------------ timeouts and leavers

    /**
     * A step whose alarm has come, as read before acting on it: what {@link ApprovalTimeouts}
     * needs to raise the escalation first (raising is idempotent) and then to {@link #ring} it.
     *
     * @param first         the step's time ran out just now (not a repeated reminder)
     * @param timeout       the step's timeout settings as the request's flow version had them
     * @param openApprovers who should have acted, in task order
     */
    public record Overdue(UUID requestId, String stepKey, String title, String stepName, long stepVersion,
                          boolean first, StepTimeout timeout, List<UUID> openApprovers, List<String> openNames,
                          UUID submitterId) {
    }

    /** The step's overdue state if its alarm has come and it still waits; empty otherwise. */
    public Optional<Overdue> overdue(ApprovalRepository.Alarm alarm) {
        return db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApprovalStepState step = stepStates(repo, alarm.requestId()).get(alarm.stepKey());
            ApprovalRequest request = repo.request(alarm.requestId()).orElse(null);
            if (step == null || step.status() != StepStatus.ACTIVE || request == null
                    || request.status() != RequestStatus.PENDING) {
                return Optional.empty();
            }
            RouteStep planned = ApprovalJson.route(repo.routeJson(alarm.requestId())).steps().stream()
                    .filter(s -> s.key().equals(alarm.stepKey())).findFirst().orElse(null);
            List<ApprovalTask> open = roundTasks(repo, alarm.requestId(), step).stream()
                    .filter(t -> t.status() == TaskStatus.PENDING).toList();
            return Optional.of(new Overdue(alarm.requestId(), step.key(), request.title(), step.name(), step.version(),
                    step.timedOutAt() == null, planned == null ? null : planned.timeout(),
                    open.stream().map(ApprovalTask::approverId).toList(),
                    open.stream().map(ApprovalTask::approverName).toList(), request.submitterId()));
        });
    }

    /**
     * Acts on an overdue step once: the first time its time runs out the history says so and the
     * step's timeout action runs (approve, reject, or hand over to the alternate approvers); each
     * time the open approvers are reminded, and the next reminder is set if the step repeats them.
     *
     * @return what ran, or empty when another client, or an approver, moved the step first
     */
    public Optional<TimeoutAction> ring(Overdue overdue) {
        try {
            return db.transactionResult(cfg -> {
                ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
                ApprovalStepState step = stepStates(repo, overdue.requestId()).get(overdue.stepKey());
                if (step == null || step.status() != StepStatus.ACTIVE || step.version() != overdue.stepVersion()) {
                    return Optional.<TimeoutAction>empty();
                }
                StepTimeout timeout = overdue.timeout();
                boolean first = step.timedOutAt() == null;
                TimeoutAction action = first && timeout != null ? timeout.action() : TimeoutAction.NONE;
                boolean decides = action == TimeoutAction.AUTO_APPROVE || action == TimeoutAction.AUTO_REJECT;
                OffsetDateTime next = timeout == null || timeout.remindEveryHours() == null || decides ? null
                        : after(cfg, timeout.remindEveryHours(), timeout.workingHours());
                if (!repo.ringAlarm(overdue.requestId(), step, next)) {
                    return Optional.<TimeoutAction>empty();
                }
                if (timeout == null) {
                    // An alarm without settings (a route stored before timeouts existed) is only cleared.
                    return Optional.of(TimeoutAction.NONE);
                }
                UUID requestId = overdue.requestId();
                if (first) {
                    repo.event(requestId, step.key(), null, ApprovalEvent.Kind.TIMED_OUT,
                            say("approval.history.timedOut", timeout.hours()));
                }
                ApprovalStepState rung = stepStates(repo, requestId).get(step.key());
                Route route = ApprovalJson.route(repo.routeJson(requestId));
                switch (action) {
                    case AUTO_APPROVE -> {
                        moveOrRetry(repo, requestId, rung, StepStatus.APPROVED, null);
                        repo.cancelOpenTasks(requestId, step.key());
                        repo.event(requestId, step.key(), null, ApprovalEvent.Kind.AUTO_APPROVED, null);
                        advance(cfg, repo, requestId, route);
                    }
                    case AUTO_REJECT -> {
                        moveOrRetry(repo, requestId, rung, StepStatus.REJECTED, null);
                        repo.event(requestId, step.key(), null, ApprovalEvent.Kind.AUTO_REJECTED, null);
                        end(cfg, repo, requestId, RequestStatus.REJECTED);
                    }
                    case ALTERNATE -> {
                        if (!handOver(cfg, repo, overdue, rung, timeout)) {
                            tell(cfg, overdue.openApprovers(), "approval.notify.overdue", overdue.title(), step.name());
                            return Optional.of(TimeoutAction.NONE);
                        }
                    }
                    case NONE -> tell(cfg, overdue.openApprovers(), "approval.notify.overdue", overdue.title(),
                            step.name());
                }
                return Optional.of(action);
            });
        } catch (ConcurrentChange e) {
            return Optional.empty();
        }
    }

    /** Moves the step's open tasks to its alternate approvers; false when the flow names nobody active. */
    private boolean handOver(Configuration cfg, ApprovalRepository repo, Overdue overdue, ApprovalStepState step,
                             StepTimeout timeout) {
        List<UUID> alternates;
        try {
            Map<String, Object> fields = ApprovalJson.fields(repo.fieldsJson(overdue.requestId()));
            alternates = new RoutePlanner(directories.apply(cfg)).resolve(timeout.alternate(), step.name(), fields,
                    overdue.submitterId());
        } catch (SalesDeskException e) {
            return false;
        }
        List<ApprovalTask> round = roundTasks(repo, overdue.requestId(), step);
        repo.cancelOpenTasks(overdue.requestId(), step.key());
        int seq = round.stream().mapToInt(ApprovalTask::seq).max().orElse(0);
        boolean opened = false;
        List<UUID> told = new ArrayList<>();
        ApprovalRequest request = repo.request(overdue.requestId()).orElseThrow();
        for (UUID approver : alternates) {
            TaskStatus status = step.mode() == SignMode.SEQUENTIAL && opened ? TaskStatus.WAITING : TaskStatus.PENDING;
            opened = true;
            // A waiting task finds its delegate when it opens; an open one now.
            Assignee who = status == TaskStatus.PENDING ? assignee(cfg, request, approver) : new Assignee(approver, null);
            repo.insertTask(overdue.requestId(), step.key(), step.round(), ++seq, who.approverId(), status, null, null,
                    who.onBehalfOf());
            if (status == TaskStatus.PENDING) {
                told.add(who.approverId());
            }
        }
        repo.event(overdue.requestId(), step.key(), null, ApprovalEvent.Kind.HANDED_OVER, null);
        tell(cfg, told, "approval.notify.handedOver", overdue.title(), step.name());
        return true;
    }

    /** {@code hours} from now, in clock hours or in the working calendar's hours. */
    private OffsetDateTime after(Configuration cfg, int hours, boolean workingHours) {
        OffsetDateTime now = Rows.now(clock);
        if (!workingHours) {
            return now.plusHours(hours);
        }
        return CalendarRepository.using(cfg).calendar().plusWorking(now.toInstant(), Duration.ofHours(hours))
                .atOffset(now.getOffset());
    }

    /** Whether the request still waits at a step whose time ran out (what keeps its escalation open). */
    public boolean isOverdue(UUID requestId) {
        return db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            return repo.request(requestId).filter(r -> r.status() == RequestStatus.PENDING).isPresent()
                    && repo.steps(requestId).stream()
                    .anyMatch(s -> s.status() == StepStatus.ACTIVE && s.timedOutAt() != null);
        });
    }

    /** Whether the request still waits on a task of someone who left. */
    public boolean waitsOnLeaver(UUID requestId) {
        return db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApproverDirectory directory = directories.apply(cfg);
            return repo.request(requestId).filter(r -> r.status() == RequestStatus.PENDING).isPresent()
                    && repo.tasks(requestId).stream()
                    .anyMatch(t -> !t.status().closed() && !directory.isActive(t.approverId()));
        });
    }

    /** An open task flagged because its approver left and nobody could take it over. */
    public record Flagged(UUID requestId, String title, UUID submitterId, String leaverName) {
    }

    /** What became of the open tasks of approvers who left. */
    public record LeaverRun(int handedOver, List<Flagged> flagged) {
    }

    /**
     * Gives the open tasks of approvers who left (deactivated or deleted) to the nearest active
     * manager above them; where there is none, flags the task once and tells the submitter. Each
     * task in a transaction of its own, so one bad request does not hold up the others.
     */
    public LeaverRun reassignLeavers(int limit) {
        List<ApprovalRepository.LeftTask> left = db.transactionResult(cfg ->
                ApprovalRepository.using(cfg, clock).tasksOfLeavers(limit));
        int handed = 0;
        List<Flagged> flagged = new ArrayList<>();
        for (ApprovalRepository.LeftTask t : left) {
            try {
                Flagged f = retrying(() -> db.transactionResult(cfg -> reassignLeaver(cfg, t)));
                if (f == null) {
                    handed++;
                } else if (f.requestId() != null) {
                    flagged.add(f);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not reassign the approval task {} of a user who left", t.taskId(), e);
            }
        }
        return new LeaverRun(handed, flagged);
    }

    /** Null when handed over; a Flagged with no request when the task had closed meanwhile. */
    private Flagged reassignLeaver(Configuration cfg, ApprovalRepository.LeftTask left) {
        ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
        ApproverDirectory directory = directories.apply(cfg);
        ApprovalTask task = repo.task(left.taskId()).orElse(null);
        ApprovalRequest request = repo.request(left.requestId()).orElseThrow();
        if (task == null || task.status().closed() || request.status() != RequestStatus.PENDING) {
            return new Flagged(null, null, null, null);
        }
        UUID successor = repo.managerOnRecord(left.approverId()).orElse(null);
        for (int depth = 0; successor != null && !directory.isActive(successor) && depth < 16; depth++) {
            successor = repo.managerOnRecord(successor).orElse(null);
        }
        if (successor == null || !directory.isActive(successor)) {
            repo.flagTask(task.id());
            repo.event(request.id(), task.stepKey(), null, ApprovalEvent.Kind.APPROVER_LEFT, left.approverName());
            tell(cfg, List.of(request.submitterId()), "approval.notify.approverLeft", request.title(),
                    left.approverName());
            return new Flagged(request.id(), request.title(), request.submitterId(), left.approverName());
        }
        String name = UserRepository.using(cfg, clock).byId(successor).map(User::displayName).orElse("");
        handOn(cfg, repo, request, task, successor, null,
                say("approval.history.leaverHandedOver", left.approverName(), name));
        return null;
    }

    /**
     * An administrator hands an open task of someone else to another active user: the way out
     * for a task whose approver left with nobody above them (flagged), or is away for good. The
     * history records who did it and why.
     *
     * @throws SalesDeskException {@code approval.flow.notAllowed} for a role that is not
     *                            company-wide; {@code approval.task.decided} if the task closed;
     *                            {@code approval.transfer.invalid} for an inactive user or the same one
     */
    public ApprovalRequest reassign(Actor admin, UUID taskId, UUID toUser, String note) {
        requireDesigner(admin);
        Objects.requireNonNull(toUser, "toUser");
        return retrying(() -> db.transactionResult(cfg -> {
            ApprovalRepository repo = ApprovalRepository.using(cfg, clock);
            ApprovalTask task = repo.task(taskId).orElseThrow(() -> new SalesDeskException("approval.task.notFound"));
            ApprovalRequest request = repo.request(task.requestId()).orElseThrow();
            if (request.status() != RequestStatus.PENDING || task.status().closed()) {
                throw new SalesDeskException("approval.task.decided", task.stepName());
            }
            if (toUser.equals(task.approverId()) || !directories.apply(cfg).isActive(toUser)) {
                throw new SalesDeskException("approval.transfer.invalid");
            }
            handOn(cfg, repo, request, task, toUser, admin.userId(), note);
            return repo.request(request.id()).orElseThrow();
        }));
    }

    /**
     * Gives an open task to {@code heir} in the same place (its turn, the signers added for it), by
     * the delegation rules; if the heir already signs the step, the task just closes, which may
     * decide the step.
     */
    private void handOn(Configuration cfg, ApprovalRepository repo, ApprovalRequest request, ApprovalTask task,
                        UUID heir, UUID actor, String note) {
        ApprovalStepState step = stepStates(repo, request.id()).get(task.stepKey());
        List<ApprovalTask> round = roundTasks(repo, request.id(), step);
        boolean withSigners = task.addedFor() != null || round.stream()
                .anyMatch(t -> task.id().equals(t.addedFor()) && !t.status().closed());
        // Merging into the heir's own task would lose where added signers stand (加签); they get a task of their own.
        boolean alreadyThere = !withSigners && round.stream()
                .anyMatch(t -> t.approverId().equals(heir) && !t.status().closed());
        close(repo, task, TaskStatus.TRANSFERRED, note);
        repo.event(request.id(), task.stepKey(), actor, ApprovalEvent.Kind.TRANSFERRED, note);
        if (!alreadyThere) {
            Assignee who = task.status() == TaskStatus.PENDING ? assignee(cfg, request, heir) : new Assignee(heir, null);
            UUID handedOn = repo.insertTask(request.id(), task.stepKey(), task.round(), task.seq(), who.approverId(),
                    task.status(), task.addedFor(), task.addedPosition(), who.onBehalfOf());
            repo.moveSigners(task.id(), handedOn);
            if (task.status() == TaskStatus.PENDING) {
                tell(cfg, List.of(who.approverId()), "approval.notify.task", request.title(), task.stepName());
            }
        } else if (step.status() == StepStatus.ACTIVE) {
            // The heir already signs this step: the old task's share is gone, which may decide it.
            moveOrRetry(repo, request.id(), step, StepStatus.ACTIVE, step.dueAt());
            settleStep(cfg, repo, ApprovalJson.route(repo.routeJson(request.id())), request.id(),
                    stepStates(repo, request.id()).get(task.stepKey()));
        }
    }

    private String say(String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.workflow.approval", locale);
        return new MessageFormat(words.getString(key), locale).format(args);
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
        // The next in line opens once nobody signs (a signer added to the one before may still).
        if (decided == null && step.mode() == SignMode.SEQUENTIAL
                && tasks.stream().noneMatch(t -> t.status() == TaskStatus.PENDING)) {
            Optional<ApprovalTask> next = tasks.stream()
                    .filter(t -> t.status() == TaskStatus.WAITING && t.addedFor() == null).findFirst();
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
            // First wins — but an approval with a signer added after it stands only once they approved too.
            if (live.stream().anyMatch(t -> t.addedFor() == null && stands(t, live))) {
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

    /** Whether a task's approval stands: it is approved, and so is every signer added after it (加签). */
    private static boolean stands(ApprovalTask task, List<ApprovalTask> live) {
        return task.status() == TaskStatus.APPROVED && live.stream()
                .filter(t -> task.id().equals(t.addedFor()) && t.addedPosition() == SignerPosition.AFTER)
                .allMatch(t -> t.status() == TaskStatus.SKIPPED || stands(t, live));
    }

    /**
     * 加签, after an approval: signers added after the approver get their tasks; when none are left
     * waiting on this approval's line, a signer added before someone reopens that someone's task.
     * True while the step waits for them, so there is nothing to decide yet.
     */
    private boolean passToSigners(Configuration cfg, ApprovalRepository repo, ApprovalTask approved) {
        ApprovalRequest request = repo.request(approved.requestId()).orElseThrow();
        List<ApprovalTask> tasks = repo.tasks(approved.requestId());
        List<ApprovalTask> after = tasks.stream().filter(t -> approved.id().equals(t.addedFor())
                && t.addedPosition() == SignerPosition.AFTER && t.status() == TaskStatus.WAITING).toList();
        for (ApprovalTask signer : after) {
            open(cfg, repo, request, signer);
        }
        if (!after.isEmpty()) {
            return true;
        }
        // Up the line of signers added after each other, to the approver who started it.
        ApprovalTask done = approved;
        while (done.addedPosition() == SignerPosition.AFTER) {
            UUID parent = done.addedFor();
            if (tasks.stream().anyMatch(t -> parent.equals(t.addedFor()) && !t.status().closed()
                    && !t.id().equals(approved.id()))) {
                return true;
            }
            done = tasks.stream().filter(t -> t.id().equals(parent)).findFirst().orElseThrow();
        }
        if (done.addedPosition() == SignerPosition.BEFORE) {
            UUID forTask = done.addedFor();
            Optional<ApprovalTask> waiting = tasks.stream()
                    .filter(t -> t.id().equals(forTask) && t.status() == TaskStatus.WAITING).findFirst();
            if (waiting.isPresent()) {
                ApprovalTask back = waiting.get();
                if (!repo.openTask(back, back.approverId(), back.onBehalfOfId())) {
                    throw new ConcurrentChange();
                }
                tell(cfg, List.of(back.approverId()), "approval.notify.task", request.title(), back.stepName());
                return true;
            }
        }
        return false;
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
                        : after(cfg, step.timeout().hours(), step.timeout().workingHours());
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
            }
            // Skipping goes by the route's approver; a task reaching an inbox goes to their delegate if away.
            Assignee who = status == TaskStatus.PENDING ? assignee(cfg, request, approver) : new Assignee(approver, null);
            if (status == TaskStatus.PENDING) {
                notify.add(who.approverId());
            }
            repo.insertTask(request.id(), step.key(), round, seq, who.approverId(), status, null, null,
                    who.onBehalfOf());
        }
        tell(cfg, notify, "approval.notify.task", request.title(), step.name());
    }

    /** Opens the next approver of a sequential step (skipping by the rules as they come). */
    private void openSequential(Configuration cfg, ApprovalRepository repo, Route route, UUID requestId,
                                ApprovalTask next) {
        ApprovalRequest request = repo.request(requestId).orElseThrow();
        List<ApprovalTask> waiting = repo.tasks(requestId).stream()
                .filter(t -> t.stepKey().equals(next.stepKey()) && t.round() == next.round()
                        && t.status() == TaskStatus.WAITING && t.addedFor() == null).toList();
        for (ApprovalTask t : waiting) {
            if (skips(repo, route, request, t.principalId())) {
                close(repo, t, TaskStatus.SKIPPED, null);
                continue;
            }
            open(cfg, repo, request, t);
            return;
        }
    }

    private static boolean skips(ApprovalRepository repo, Route route, ApprovalRequest request, UUID approver) {
        if (route.skipSubmitter() && approver.equals(request.submitterId())) {
            return true;
        }
        // A delegate's approval counts as that of the approver they signed for.
        return route.skipRepeated() && repo.tasks(request.id()).stream()
                .anyMatch(t -> t.principalId().equals(approver) && t.status() == TaskStatus.APPROVED);
    }

    /** Puts a waiting task in an inbox — its approver's, or their delegate's if they are away — and tells them. */
    private void open(Configuration cfg, ApprovalRepository repo, ApprovalRequest request, ApprovalTask waiting) {
        Assignee who = waiting.onBehalfOfId() != null ? new Assignee(waiting.approverId(), waiting.onBehalfOfId())
                : assignee(cfg, request, waiting.approverId());
        if (!repo.openTask(waiting, who.approverId(), who.onBehalfOf())) {
            throw new ConcurrentChange();
        }
        tell(cfg, List.of(who.approverId()), "approval.notify.task", request.title(), waiting.stepName());
    }

    /** Who signs a task: the approver, or a delegate on their behalf ({@code onBehalfOf} then names the approver). */
    private record Assignee(UUID approverId, UUID onBehalfOf) {
    }

    /**
     * Who gets a task of {@code approver} as it reaches an inbox: while they have a delegation in force
     * (外出委托; today by the service's clock in the business time zone) their delegate, signing on
     * their behalf; otherwise the approver. One hop only: a delegate away themselves does not pass it
     * on. Never to the request's submitter (they would approve their own request) nor to someone no
     * longer active: the task then stays with the approver.
     *
     * <p>Tasks already in an inbox when a delegation starts stay there: the approver may have read
     * them or be half-way through, and can still hand one on by 转交. Only new tasks move.
     */
    private Assignee assignee(Configuration cfg, ApprovalRequest request, UUID approver) {
        Optional<ApprovalDelegation> away = ApprovalDelegationRepository.using(cfg, clock)
                .inForce(approver, BusinessTime.today(clock));
        if (away.isEmpty()) {
            return new Assignee(approver, null);
        }
        UUID delegate = away.get().delegateId();
        if (delegate.equals(request.submitterId()) || !directories.apply(cfg).isActive(delegate)) {
            return new Assignee(approver, null);
        }
        return new Assignee(delegate, approver);
    }

    /** {@link #assignee}, but a task handed on by {@code actor} never comes back to them as delegate. */
    private Assignee assigneeOtherThan(Configuration cfg, ApprovalRequest request, UUID approver, UUID actor) {
        Assignee who = assignee(cfg, request, approver);
        return who.approverId().equals(actor) ? new Assignee(approver, null) : who;
    }

    private String displayName(Configuration cfg, UUID userId) {
        return UserRepository.using(cfg, clock).byId(userId).map(User::displayName).orElse("—");
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
        NotificationRepository.using(cfg, clock).send(recipients, key.replace(".notify.", "."),
                MessageFormat.format(words.getString(key + ".title"), title),
                MessageFormat.format(words.getString(key + ".body"), title, step), "approval", null);
    }

    private static void requireDesigner(Actor actor) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("approval.flow.notAllowed");
        }
    }
}
