package io.salesdesk.studio.onboarding;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.studio.field.CustomFieldService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Onboarding paths: a manager puts a new hire on a path with a mentor; every step becomes a task (the
 * hire's learning tasks, the mentor's drills to score and feedback forms to fill in), so it shows on
 * their My Day and task boards; the hire, the mentor and the hire's manager follow the progress.
 */
public final class OnboardingService {

    /** Name of the built-in 90-day path. */
    public static final String NEW_HIRE_90_DAYS = "新员工 90 天成长路径";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalTime DUE_TIME = LocalTime.of(18, 0);
    private static final int COMMENT_MAX = 2000;

    private final Database db;
    private final Clock clock;
    private final TaskService tasks;
    private final Locale locale;

    public OnboardingService(Database db, Clock clock, TaskService tasks, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.tasks = tasks;
        this.locale = locale;
    }

    /** Whether the actor may add paths and put new hires on them: managers and administrators. */
    public static boolean mayAssign(Actor actor) {
        return CustomFieldService.mayConfigure(actor);
    }

    /** The saved paths, by name. */
    public List<OnboardingPath> paths() {
        return db.transactionResult(cfg -> repository(cfg).paths());
    }

    /**
     * Saves a new path.
     *
     * @throws SalesDeskException  {@code studio.notAllowed} unless a manager or administrator
     * @throws ValidationException naming what is wrong with the name or the stages
     */
    public OnboardingPath define(Actor actor, String name, String description, PathDefinition definition) {
        requireManager(actor);
        String trimmed = checkedName(name);
        PathJson.check(definition);
        OnboardingPath path = new OnboardingPath(Ids.newId(clock), trimmed, description, definition, 1);
        db.transaction(cfg -> repository(cfg).insertPath(actor, ChangeReason.user(), path));
        return path;
    }

    /**
     * Saves a changed path as its next version. Hires already on the path keep the version they started
     * with (their assignment holds a copy of it, and their tasks were made from it); hires put on it from
     * now on get this one.
     *
     * @throws SalesDeskException     {@code studio.notAllowed} unless a manager or administrator
     * @throws ValidationException    naming what is wrong with the name or the stages
     * @throws StaleRecordException   if someone changed or retired the path since {@code expectedVersion}
     */
    public OnboardingPath update(Actor actor, UUID id, long expectedVersion, String name, String description,
                                 PathDefinition definition) {
        requireManager(actor);
        String trimmed = checkedName(name);
        PathJson.check(definition);
        return db.transactionResult(cfg -> {
            OnboardingRepository repository = repository(cfg);
            OnboardingPath before = repository.path(id).filter(p -> p.version() == expectedVersion)
                    .orElseThrow(() -> stale(repository, id, expectedVersion));
            OnboardingPath after = new OnboardingPath(id, trimmed, description, definition, expectedVersion + 1);
            if (!repository.updatePath(actor, ChangeReason.user(), before, after)) {
                throw stale(repository, id, expectedVersion);
            }
            return after;
        });
    }

    /**
     * Retires a path: nobody new can be put on it; hires on it go on with their copy.
     *
     * @throws StaleRecordException if someone changed or retired the path since {@code expectedVersion}
     */
    public void retire(Actor actor, UUID id, long expectedVersion) {
        requireManager(actor);
        db.transaction(cfg -> {
            OnboardingRepository repository = repository(cfg);
            OnboardingPath path = repository.path(id).filter(p -> p.version() == expectedVersion)
                    .orElseThrow(() -> stale(repository, id, expectedVersion));
            if (!repository.retirePath(actor, ChangeReason.user(), path)) {
                throw stale(repository, id, expectedVersion);
            }
        });
    }

    private static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new ValidationException(List.of(FieldProblem.of("name", "studio.onboarding.name")));
        }
        return trimmed;
    }

    private static StaleRecordException stale(OnboardingRepository repository, UUID id, long expectedVersion) {
        return new StaleRecordException("onboarding_path", id, expectedVersion, repository.path(id).orElse(null));
    }

    /** Adds the built-in 新员工 90 天成长路径, or returns it if a path of that name exists. */
    public OnboardingPath addNewHirePath(Actor actor) {
        Optional<OnboardingPath> existing = paths().stream().filter(p -> p.name().equals(NEW_HIRE_90_DAYS)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        return define(actor, NEW_HIRE_90_DAYS, "入职 90 天：熟悉产品、跟访实战、独立开单三个阶段；导师每阶段评分与反馈。",
                PathJson.read(builtIn("new-hire-90-days.json")));
    }

    /**
     * Puts a new hire on a path from a start day, with a mentor: in one transaction the assignment and a
     * task per step, due at 18:00 on the step's day.
     *
     * @throws SalesDeskException  {@code studio.notAllowed} unless a manager or administrator
     * @throws ValidationException if the hire or mentor is not in the actor's team, they are the same
     *                             person, or the hire is already on a path
     */
    public Assignment assign(Actor actor, UUID pathId, UUID hireId, UUID mentorId, LocalDate startsOn) {
        requireManager(actor);
        return db.transactionResult(cfg -> {
            OnboardingRepository repository = repository(cfg);
            OnboardingPath path = repository.path(pathId)
                    .orElseThrow(() -> new SalesDeskException("studio.onboarding.pathGone"));
            List<User> team = UserRepository.using(cfg, clock).visibleTo(actor);
            User hire = team.stream().filter(u -> u.id().equals(hireId)).findFirst().orElse(null);
            User mentor = team.stream().filter(u -> u.id().equals(mentorId)).findFirst().orElse(null);
            List<FieldProblem> problems = new ArrayList<>();
            if (hire == null) {
                problems.add(FieldProblem.of("hireId", "studio.onboarding.hire"));
            } else if (repository.activeOf(hireId).isPresent()) {
                problems.add(FieldProblem.of("hireId", "studio.onboarding.alreadyOnPath", hire.displayName()));
            }
            if (mentor == null || mentorId.equals(hireId)) {
                problems.add(FieldProblem.of("mentorId", "studio.onboarding.mentor"));
            }
            if (startsOn == null) {
                problems.add(FieldProblem.of("startsOn", "studio.onboarding.startsOn"));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Assignment assignment = new Assignment(Ids.newId(clock), path.id(), path.name(), path.definition(),
                    hireId, hire.displayName(), mentorId, mentor.displayName(), startsOn, Assignment.Status.ACTIVE, 1);
            ChangeReason reason = ChangeReason.user();
            repository.insertAssignment(actor, reason, assignment);
            for (PathStep step : path.definition().steps()) {
                Task task = tasks.create(cfg, actor, taskFor(assignment, step), TaskStatus.TODO, reason);
                repository.insertStep(assignment.id(), step.key(), task.id());
            }
            return assignment;
        });
    }

    /** The actor's own path today, if they are on one. */
    public Optional<OnboardingProgress> mine(Actor actor, LocalDate today) {
        return db.transactionResult(cfg -> {
            OnboardingRepository repository = repository(cfg);
            return repository.activeOf(actor.userId()).map(a -> progress(a,
                    repository.steps(List.of(a.id())).getOrDefault(a.id(), Map.of()), today));
        });
    }

    /**
     * The new hires the actor follows today: those in their team (a manager's reps) and those they
     * mentor, the actor themself left out.
     */
    public List<OnboardingProgress> team(Actor actor, LocalDate today) {
        return db.transactionResult(cfg -> {
            OnboardingRepository repository = repository(cfg);
            List<UUID> team = UserRepository.using(cfg, clock).visibleTo(actor).stream().map(User::id)
                    .filter(id -> !id.equals(actor.userId())).toList();
            List<Assignment> assignments = repository.activeFor(team, actor.userId()).stream()
                    .filter(a -> !a.hireId().equals(actor.userId())).toList();
            Map<UUID, Map<String, StepRecord>> steps = repository.steps(assignments.stream().map(Assignment::id).toList());
            return assignments.stream().map(a -> progress(a, steps.getOrDefault(a.id(), Map.of()), today)).toList();
        });
    }

    /**
     * Records a drill's score (0–100) and an optional comment, and closes the mentor's task for it. A
     * drill below its pass score stays open to be taken again.
     *
     * @throws SalesDeskException  {@code studio.onboarding.notMentor} for anyone but the mentor or a manager
     *                             of the hire
     * @throws ValidationException for a score outside 0–100 or a step that is not a drill
     */
    public void recordDrill(Actor actor, UUID assignmentId, String stepKey, int score, String comment) {
        if (score < 0 || score > 100) {
            throw new ValidationException(List.of(FieldProblem.of("score", "studio.onboarding.score")));
        }
        record(actor, assignmentId, stepKey, StepKind.DRILL, score, null, comment);
    }

    /**
     * Records a mentor's feedback form: a 1–5 rating for every question of the step and a comment, and
     * closes the mentor's task for it.
     *
     * @throws ValidationException if a question is unrated or rated outside 1–5
     */
    public void recordFeedback(Actor actor, UUID assignmentId, String stepKey, Map<String, Integer> ratings,
            String comment) {
        record(actor, assignmentId, stepKey, StepKind.FEEDBACK, null, ratings, comment);
    }

    /** Takes a hire off their path (left the company, moved roles); their open tasks stay as they are. */
    public void cancel(Actor actor, Assignment assignment) {
        requireManager(actor);
        db.transaction(cfg -> {
            if (!repository(cfg).setStatus(actor, ChangeReason.user(), assignment, Assignment.Status.CANCELLED)) {
                throw new SalesDeskException("studio.onboarding.changed");
            }
        });
    }

    private void record(Actor actor, UUID assignmentId, String stepKey, StepKind kind, Integer score,
            Map<String, Integer> ratings, String comment) {
        db.transaction(cfg -> {
            OnboardingRepository repository = repository(cfg);
            Assignment assignment = repository.assignment(assignmentId)
                    .filter(a -> a.status() == Assignment.Status.ACTIVE)
                    .orElseThrow(() -> new SalesDeskException("studio.onboarding.changed"));
            boolean mentorOrManager = assignment.mentorId().equals(actor.userId())
                    || !assignment.hireId().equals(actor.userId()) && actor.role() != io.salesdesk.core.Role.REP
                    && UserRepository.using(cfg, clock).visibleTo(actor).stream()
                    .anyMatch(u -> u.id().equals(assignment.hireId()));
            if (!mentorOrManager) {
                throw new SalesDeskException("studio.onboarding.notMentor");
            }
            PathStep step = assignment.definition().step(stepKey).filter(s -> s.kind() == kind)
                    .orElseThrow(() -> new ValidationException(List.of(FieldProblem.of("step",
                            "studio.onboarding.stepKind", stepKey))));
            String text = comment == null || comment.isBlank() ? null : comment.strip();
            List<FieldProblem> problems = new ArrayList<>();
            if (text != null && text.length() > COMMENT_MAX) {
                problems.add(FieldProblem.of("comment", "studio.onboarding.comment", COMMENT_MAX));
            }
            if (kind == StepKind.FEEDBACK) {
                for (String question : step.questions()) {
                    Integer rating = ratings == null ? null : ratings.get(question);
                    if (rating == null || rating < 1 || rating > 5) {
                        problems.add(FieldProblem.of("ratings", "studio.onboarding.rating", question));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            repository.record(actor, assignmentId, stepKey, score, ratings, text);
            StepRecord recorded = repository.steps(List.of(assignmentId)).get(assignmentId).get(stepKey);
            boolean passed = kind == StepKind.FEEDBACK || score >= step.passScore();
            if (passed && recorded.taskId() != null) {
                tasks.complete(cfg, actor, recorded.taskId(), ChangeReason.user());
            }
        });
    }

    /** Where each step of an assignment stands on a day. */
    static OnboardingProgress progress(Assignment a, Map<String, StepRecord> records, LocalDate today) {
        List<StageProgress> stages = new ArrayList<>();
        for (PathStage stage : a.definition().stages()) {
            List<StepProgress> steps = new ArrayList<>();
            for (PathStep step : stage.steps()) {
                StepRecord record = records.get(step.key());
                LocalDate due = a.dateOf(step.dueDay());
                steps.add(new StepProgress(step, due, state(step, record, due, today), record));
            }
            stages.add(new StageProgress(stage, steps));
        }
        return new OnboardingProgress(a, (int) ChronoUnit.DAYS.between(a.startsOn(), today) + 1, stages);
    }

    private static StepProgress.State state(PathStep step, StepRecord record, LocalDate due, LocalDate today) {
        boolean done = record != null && switch (step.kind()) {
            case LEARNING -> record.taskStatus() == TaskStatus.DONE;
            case DRILL -> record.score() != null && record.score() >= step.passScore();
            case FEEDBACK -> record.recordedAt() != null;
        };
        if (done) {
            return StepProgress.State.DONE;
        }
        if (step.kind() == StepKind.DRILL && record != null && record.score() != null) {
            return StepProgress.State.FAILED;
        }
        return today.isAfter(due) ? StepProgress.State.OVERDUE : StepProgress.State.OPEN;
    }

    private TaskDraft taskFor(Assignment a, PathStep step) {
        String title = say("task." + step.kind().name(), step.title(), a.hireName());
        String description = say("task.description", a.pathName(), step.detail() == null ? "" : step.detail());
        UUID assignee = step.kind() == StepKind.LEARNING ? a.hireId() : a.mentorId();
        return new TaskDraft(title.length() > 200 ? title.substring(0, 200) : title, description, assignee,
                TaskPriority.NORMAL, a.dateOf(step.dueDay()).atTime(DUE_TIME).atZone(CHINA).toOffsetDateTime(), null,
                null);
    }

    private String say(String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.studio.onboarding.onboarding", locale);
        return new MessageFormat(words.getString(key), locale).format(args);
    }

    private static String builtIn(String name) {
        try (InputStream in = OnboardingService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in path missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireManager(Actor actor) {
        if (!mayAssign(actor)) {
            throw new SalesDeskException("studio.notAllowed");
        }
    }

    private OnboardingRepository repository(Configuration cfg) {
        return OnboardingRepository.using(cfg, clock);
    }
}
