package io.salesdesk.studio.onboarding;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ONBOARDING_ASSIGNMENT;
import static io.salesdesk.db.jooq.Tables.ONBOARDING_PATH;
import static io.salesdesk.db.jooq.Tables.ONBOARDING_STEP;
import static io.salesdesk.db.jooq.Tables.TASK;

import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.AppUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Onboarding paths, the hires put on them and what was recorded on each step, in one transaction. */
final class OnboardingRepository {

    private static final String PATH_ENTITY = "onboarding_path";
    private static final String ASSIGNMENT_ENTITY = "onboarding_assignment";
    private static final AppUser HIRE = APP_USER.as("hire");
    private static final AppUser MENTOR = APP_USER.as("mentor");

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private OnboardingRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    static OnboardingRepository using(Configuration configuration, Clock clock) {
        return new OnboardingRepository(configuration, clock);
    }

    void insertPath(Actor actor, ChangeReason reason, OnboardingPath path) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(ONBOARDING_PATH)
                .set(ONBOARDING_PATH.ID, path.id()).set(ONBOARDING_PATH.NAME, path.name())
                .set(ONBOARDING_PATH.DESCRIPTION, path.description())
                .set(ONBOARDING_PATH.DAYS, path.definition().days())
                .set(ONBOARDING_PATH.DEFINITION, PathJson.write(path.definition()))
                .set(ONBOARDING_PATH.VERSION, path.version())
                .set(ONBOARDING_PATH.CREATED_AT, now).set(ONBOARDING_PATH.CREATED_BY, Rows.userId(actor))
                .set(ONBOARDING_PATH.UPDATED_AT, now).set(ONBOARDING_PATH.UPDATED_BY, Rows.userId(actor))
                .execute();
        changeLog.record(actor, reason, PATH_ENTITY, path.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), Map.of("name", path.name(), "days", path.definition().days())));
    }

    /**
     * Saves a path's new version if it is still at {@code expectedVersion}; false if someone changed or
     * retired it meanwhile. Hires already on it keep the copy they started with.
     */
    boolean updatePath(Actor actor, ChangeReason reason, OnboardingPath before, OnboardingPath after) {
        int updated = dsl.update(ONBOARDING_PATH).set(ONBOARDING_PATH.NAME, after.name())
                .set(ONBOARDING_PATH.DESCRIPTION, after.description())
                .set(ONBOARDING_PATH.DAYS, after.definition().days())
                .set(ONBOARDING_PATH.DEFINITION, PathJson.write(after.definition()))
                .set(ONBOARDING_PATH.VERSION, after.version())
                .set(ONBOARDING_PATH.UPDATED_AT, Rows.now(clock)).set(ONBOARDING_PATH.UPDATED_BY, Rows.userId(actor))
                .where(ONBOARDING_PATH.ID.eq(before.id()), ONBOARDING_PATH.VERSION.eq(before.version()),
                        ONBOARDING_PATH.DELETED_AT.isNull())
                .execute();
        if (updated == 1) {
            Map<String, Object> was = new LinkedHashMap<>();
            was.put("name", before.name());
            was.put("days", before.definition().days());
            was.put("steps", before.definition().steps().size());
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("name", after.name());
            now.put("days", after.definition().days());
            now.put("steps", after.definition().steps().size());
            changeLog.record(actor, reason, PATH_ENTITY, before.id(), ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(was, now));
        }
        return updated == 1;
    }

    /** Retires a path (soft delete) if it is still at {@code expectedVersion}; false if it changed. */
    boolean retirePath(Actor actor, ChangeReason reason, OnboardingPath path) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(ONBOARDING_PATH).set(ONBOARDING_PATH.DELETED_AT, now)
                .set(ONBOARDING_PATH.VERSION, path.version() + 1)
                .set(ONBOARDING_PATH.UPDATED_AT, now).set(ONBOARDING_PATH.UPDATED_BY, Rows.userId(actor))
                .where(ONBOARDING_PATH.ID.eq(path.id()), ONBOARDING_PATH.VERSION.eq(path.version()),
                        ONBOARDING_PATH.DELETED_AT.isNull())
                .execute();
        if (updated == 1) {
            changeLog.record(actor, reason, PATH_ENTITY, path.id(), ChangeEntry.Operation.DELETE,
                    FieldChange.diff(Map.of("name", path.name()), Map.of()));
        }
        return updated == 1;
    }

    List<OnboardingPath> paths() {
        return dsl.selectFrom(ONBOARDING_PATH).where(ONBOARDING_PATH.DELETED_AT.isNull())
                .orderBy(ONBOARDING_PATH.NAME).fetch(OnboardingRepository::path);
    }

    Optional<OnboardingPath> path(UUID id) {
        return dsl.selectFrom(ONBOARDING_PATH).where(ONBOARDING_PATH.ID.eq(id), ONBOARDING_PATH.DELETED_AT.isNull())
                .fetchOptional(OnboardingRepository::path);
    }

    private static OnboardingPath path(io.salesdesk.db.jooq.tables.records.OnboardingPathRecord r) {
        return new OnboardingPath(r.getId(), r.getName(), r.getDescription(), PathJson.read(r.getDefinition()),
                r.getVersion());
    }

    void insertAssignment(Actor actor, ChangeReason reason, Assignment a) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(ONBOARDING_ASSIGNMENT)
                .set(ONBOARDING_ASSIGNMENT.ID, a.id()).set(ONBOARDING_ASSIGNMENT.PATH_ID, a.pathId())
                .set(ONBOARDING_ASSIGNMENT.PATH_NAME, a.pathName())
                .set(ONBOARDING_ASSIGNMENT.DEFINITION, PathJson.write(a.definition()))
                .set(ONBOARDING_ASSIGNMENT.HIRE_ID, a.hireId()).set(ONBOARDING_ASSIGNMENT.MENTOR_ID, a.mentorId())
                .set(ONBOARDING_ASSIGNMENT.STARTS_ON, a.startsOn())
                .set(ONBOARDING_ASSIGNMENT.STATUS, a.status().name())
                .set(ONBOARDING_ASSIGNMENT.VERSION, a.version())
                .set(ONBOARDING_ASSIGNMENT.CREATED_AT, now).set(ONBOARDING_ASSIGNMENT.CREATED_BY, Rows.userId(actor))
                .set(ONBOARDING_ASSIGNMENT.UPDATED_AT, now).set(ONBOARDING_ASSIGNMENT.UPDATED_BY, Rows.userId(actor))
                .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("path", a.pathName());
        after.put("hireId", a.hireId());
        after.put("mentorId", a.mentorId());
        after.put("startsOn", a.startsOn());
        changeLog.record(actor, reason, ASSIGNMENT_ENTITY, a.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), after));
    }

    /** Sets an assignment's status if it is still at {@code expectedVersion}; false if it changed. */
    boolean setStatus(Actor actor, ChangeReason reason, Assignment a, Assignment.Status status) {
        int updated = dsl.update(ONBOARDING_ASSIGNMENT).set(ONBOARDING_ASSIGNMENT.STATUS, status.name())
                .set(ONBOARDING_ASSIGNMENT.VERSION, a.version() + 1)
                .set(ONBOARDING_ASSIGNMENT.UPDATED_AT, Rows.now(clock))
                .set(ONBOARDING_ASSIGNMENT.UPDATED_BY, Rows.userId(actor))
                .where(ONBOARDING_ASSIGNMENT.ID.eq(a.id()), ONBOARDING_ASSIGNMENT.VERSION.eq(a.version())).execute();
        if (updated == 1) {
            changeLog.record(actor, reason, ASSIGNMENT_ENTITY, a.id(), ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(Map.of("status", a.status().name()), Map.of("status", status.name())));
        }
        return updated == 1;
    }

    Optional<Assignment> assignment(UUID id) {
        return assignments(ONBOARDING_ASSIGNMENT.ID.eq(id)).stream().findFirst();
    }

    /** The active assignment of a hire, if they are on a path. */
    Optional<Assignment> activeOf(UUID hireId) {
        return assignments(ONBOARDING_ASSIGNMENT.HIRE_ID.eq(hireId)
                .and(ONBOARDING_ASSIGNMENT.STATUS.eq(Assignment.Status.ACTIVE.name()))).stream().findFirst();
    }

    /** Active assignments whose hire is one of these users or whose mentor is {@code mentorId}. */
    List<Assignment> activeFor(Collection<UUID> hireIds, UUID mentorId) {
        return assignments(ONBOARDING_ASSIGNMENT.STATUS.eq(Assignment.Status.ACTIVE.name())
                .and(ONBOARDING_ASSIGNMENT.HIRE_ID.in(hireIds).or(ONBOARDING_ASSIGNMENT.MENTOR_ID.eq(mentorId))));
    }

    private List<Assignment> assignments(Condition where) {
        return dsl.select(ONBOARDING_ASSIGNMENT.fields()).select(HIRE.DISPLAY_NAME, MENTOR.DISPLAY_NAME)
                .from(ONBOARDING_ASSIGNMENT)
                .join(HIRE).on(HIRE.ID.eq(ONBOARDING_ASSIGNMENT.HIRE_ID))
                .join(MENTOR).on(MENTOR.ID.eq(ONBOARDING_ASSIGNMENT.MENTOR_ID))
                .where(where)
                .orderBy(ONBOARDING_ASSIGNMENT.STARTS_ON, HIRE.DISPLAY_NAME)
                .fetch(OnboardingRepository::assignment);
    }

    private static Assignment assignment(Record r) {
        return new Assignment(r.get(ONBOARDING_ASSIGNMENT.ID), r.get(ONBOARDING_ASSIGNMENT.PATH_ID),
                r.get(ONBOARDING_ASSIGNMENT.PATH_NAME), PathJson.read(r.get(ONBOARDING_ASSIGNMENT.DEFINITION)),
                r.get(ONBOARDING_ASSIGNMENT.HIRE_ID), r.get(HIRE.DISPLAY_NAME),
                r.get(ONBOARDING_ASSIGNMENT.MENTOR_ID), r.get(MENTOR.DISPLAY_NAME),
                r.get(ONBOARDING_ASSIGNMENT.STARTS_ON),
                Assignment.Status.valueOf(r.get(ONBOARDING_ASSIGNMENT.STATUS)), r.get(ONBOARDING_ASSIGNMENT.VERSION));
    }

    void insertStep(UUID assignmentId, String stepKey, UUID taskId) {
        dsl.insertInto(ONBOARDING_STEP).set(ONBOARDING_STEP.ASSIGNMENT_ID, assignmentId)
                .set(ONBOARDING_STEP.STEP_KEY, stepKey).set(ONBOARDING_STEP.TASK_ID, taskId).execute();
    }

    /** Records a drill's score or a feedback form on a step, replacing an earlier one (a drill taken again). */
    void record(Actor actor, UUID assignmentId, String stepKey, Integer score, Map<String, Integer> ratings,
            String comment) {
        dsl.update(ONBOARDING_STEP).set(ONBOARDING_STEP.SCORE, score)
                .set(ONBOARDING_STEP.RATINGS, ratings == null ? null : PathJson.writeRatings(ratings))
                .set(ONBOARDING_STEP.COMMENT_TEXT, comment)
                .set(ONBOARDING_STEP.RECORDED_AT, Rows.now(clock)).set(ONBOARDING_STEP.RECORDED_BY, Rows.userId(actor))
                .where(ONBOARDING_STEP.ASSIGNMENT_ID.eq(assignmentId), ONBOARDING_STEP.STEP_KEY.eq(stepKey))
                .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("step", stepKey);
        after.put("score", score);
        after.put("comment", comment);
        changeLog.record(actor, ChangeReason.user(), ASSIGNMENT_ENTITY, assignmentId, ChangeEntry.Operation.UPDATE,
                FieldChange.diff(Map.of(), after));
    }

    /** The steps of these assignments with their tasks' status, by assignment and step key. */
    Map<UUID, Map<String, StepRecord>> steps(Collection<UUID> assignmentIds) {
        Map<UUID, Map<String, StepRecord>> steps = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return steps;
        }
        dsl.select(ONBOARDING_STEP.fields()).select(TASK.STATUS, TASK.DELETED_AT).from(ONBOARDING_STEP)
                .leftJoin(TASK).on(TASK.ID.eq(ONBOARDING_STEP.TASK_ID))
                .where(ONBOARDING_STEP.ASSIGNMENT_ID.in(assignmentIds))
                .forEach(r -> steps.computeIfAbsent(r.get(ONBOARDING_STEP.ASSIGNMENT_ID), id -> new HashMap<>())
                        .put(r.get(ONBOARDING_STEP.STEP_KEY), new StepRecord(r.get(ONBOARDING_STEP.STEP_KEY),
                                r.get(ONBOARDING_STEP.TASK_ID),
                                r.get(TASK.STATUS) == null || r.get(TASK.DELETED_AT) != null ? null
                                        : TaskStatus.valueOf(r.get(TASK.STATUS)),
                                r.get(ONBOARDING_STEP.SCORE), PathJson.readRatings(r.get(ONBOARDING_STEP.RATINGS)),
                                r.get(ONBOARDING_STEP.COMMENT_TEXT), r.get(ONBOARDING_STEP.RECORDED_AT))));
        return steps;
    }
}
