package io.salesdesk.workflow.sla;

import static io.salesdesk.db.jooq.Tables.CALENDAR_DAY;

import io.salesdesk.db.WorkspaceSettings;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The working calendar: holidays and make-up working days, and the working hours setting. */
public final class CalendarRepository {

    static final String WORK_START = "calendar.workStart";
    static final String WORK_END = "calendar.workEnd";
    static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    static final LocalTime DEFAULT_END = LocalTime.of(18, 0);

    private final DSLContext dsl;
    private final WorkspaceSettings settings;

    private CalendarRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
        this.settings = WorkspaceSettings.using(configuration);
    }

    public static CalendarRepository using(Configuration configuration) {
        return new CalendarRepository(configuration);
    }

    /** Every exception day, in date order. */
    public List<CalendarDay> days() {
        return dsl.selectFrom(CALENDAR_DAY).orderBy(CALENDAR_DAY.DAY)
                .fetch(r -> new CalendarDay(r.getDay(), CalendarDay.Kind.valueOf(r.getKind()), r.getName()));
    }

    /** Sets each day, replacing what the calendar said about it before. */
    public void put(Collection<CalendarDay> days) {
        for (CalendarDay d : days) {
            dsl.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY.eq(d.day())).execute();
            dsl.insertInto(CALENDAR_DAY).set(CALENDAR_DAY.DAY, d.day()).set(CALENDAR_DAY.KIND, d.kind().name())
                    .set(CALENDAR_DAY.NAME, d.name()).execute();
        }
    }

    /** Makes the day an ordinary one again; false if it was not an exception. */
    public boolean remove(LocalDate day) {
        return dsl.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY.eq(day)).execute() > 0;
    }

    public LocalTime workStart() {
        return time(WORK_START, DEFAULT_START);
    }

    public LocalTime workEnd() {
        return time(WORK_END, DEFAULT_END);
    }

    public void saveWorkingHours(LocalTime start, LocalTime end) {
        settings.put(WORK_START, start.toString());
        settings.put(WORK_END, end.toString());
    }

    /** The calendar as SLA rules count working time; the default hours if the stored ones are unusable. */
    public WorkingCalendar calendar() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        dsl.selectFrom(CALENDAR_DAY).forEach(r -> exceptions.put(r.getDay(), "WORKDAY".equals(r.getKind())));
        LocalTime start = workStart();
        LocalTime end = workEnd();
        return start.isBefore(end) ? new WorkingCalendar(exceptions, start, end)
                : new WorkingCalendar(exceptions, DEFAULT_START, DEFAULT_END);
    }

    private LocalTime time(String key, LocalTime fallback) {
        String v = settings.get(key).orElse(null);
        try {
            return v == null ? fallback : LocalTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
