package io.salesdesk.workflow.sla;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The working calendar as Settings edits it: working hours, public holidays and the weekend days
 * worked instead (调休). Rules that count working time read it on their next scan.
 */
public final class CalendarService {

    /** The longest span added in one go: a holiday season, not a year by mistake. */
    public static final int MAX_SPAN_DAYS = 31;
    static final String ENTITY = "calendar";
    /** The audit trail keeps all calendar edits under one fixed id. */
    private static final UUID CALENDAR_ID = UUID.fromString("00000000-0000-7000-8000-00000000ca1e");

    private final Database db;
    private final Clock clock;

    public CalendarService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<CalendarDay> days() {
        return db.transactionResult(cfg -> CalendarRepository.using(cfg).days());
    }

    /** Working hours as {start, end}. */
    public List<LocalTime> workingHours() {
        return db.transactionResult(cfg -> {
            CalendarRepository calendar = CalendarRepository.using(cfg);
            return List.of(calendar.workStart(), calendar.workEnd());
        });
    }

    /**
     * Marks every day from {@code from} to {@code to} as a holiday, or as a make-up working day.
     * For a holiday span only the weekdays matter, yet all days are recorded so the calendar reads
     * as the official notice does.
     *
     * @return the days written
     * @throws ValidationException naming the refused field
     */
    public List<CalendarDay> mark(Actor actor, LocalDate from, LocalDate to, CalendarDay.Kind kind, String name) {
        requireAllowed(actor);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate last = to == null ? from : to;
        if (from == null) {
            problems.add(FieldProblem.of("from", "calendar.from.required"));
        } else if (last.isBefore(from)) {
            problems.add(FieldProblem.of("to", "calendar.to.beforeFrom"));
        } else if (ChronoUnit.DAYS.between(from, last) >= MAX_SPAN_DAYS) {
            problems.add(FieldProblem.of("to", "calendar.span.tooLong", MAX_SPAN_DAYS));
        }
        String label = Rows.blankToNull(name);
        if (label == null) {
            problems.add(FieldProblem.of("name", "calendar.name.required"));
        } else if (label.length() > 60) {
            problems.add(FieldProblem.of("name", "calendar.name.tooLong", 60));
        }
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "calendar.kind.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<CalendarDay> days = from.datesUntil(last.plusDays(1)).map(d -> new CalendarDay(d, kind, label)).toList();
        db.transaction(cfg -> {
            CalendarRepository.using(cfg).put(days);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), ENTITY, CALENDAR_ID,
                    ChangeEntry.Operation.UPDATE, Map.of(from + ".." + last,
                            new FieldChange(null, kind.name() + " " + label)));
        });
        return days;
    }

    /** Makes a day ordinary again. */
    public void unmark(Actor actor, LocalDate day) {
        requireAllowed(actor);
        db.transaction(cfg -> {
            if (CalendarRepository.using(cfg).remove(day)) {
                ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), ENTITY, CALENDAR_ID,
                        ChangeEntry.Operation.UPDATE, Map.of(day.toString(), new FieldChange("marked", null)));
            }
        });
    }

    /** Sets the working hours; the start must come before the end. */
    public void saveWorkingHours(Actor actor, LocalTime start, LocalTime end) {
        requireAllowed(actor);
        if (start == null || end == null || !start.isBefore(end)) {
            throw new ValidationException(List.of(FieldProblem.of("workEnd", "calendar.hours.order")));
        }
        db.transaction(cfg -> {
            CalendarRepository calendar = CalendarRepository.using(cfg);
            String before = calendar.workStart() + "–" + calendar.workEnd();
            calendar.saveWorkingHours(start, end);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), ENTITY, CALENDAR_ID,
                    ChangeEntry.Operation.UPDATE, Map.of("workingHours", new FieldChange(before, start + "–" + end)));
        });
    }

    private static void requireAllowed(Actor actor) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("calendar.notAllowed");
        }
    }
}
