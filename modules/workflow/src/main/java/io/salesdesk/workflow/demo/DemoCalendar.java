package io.salesdesk.workflow.demo;

import io.salesdesk.db.Database;
import io.salesdesk.workflow.sla.CalendarDay;
import io.salesdesk.workflow.sla.CalendarDay.Kind;
import io.salesdesk.workflow.sla.CalendarRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo workspace's working calendar: China's public holidays of 2026 and the weekend days
 * worked instead, as the State Council's notice on the 2026 holiday arrangements gives them, so
 * working-time rules in the demo behave as they would in a real office that year.
 */
public final class DemoCalendar {

    private final Database db;

    public DemoCalendar(Database db) {
        this.db = db;
    }

    /** Writes the days; returns how many. */
    public int create() {
        List<CalendarDay> days = new ArrayList<>();
        holiday(days, "元旦", 2026, 1, 1, 3);
        workday(days, "元旦调休", 2026, 1, 4);
        holiday(days, "春节", 2026, 2, 15, 23);
        workday(days, "春节调休", 2026, 2, 14);
        workday(days, "春节调休", 2026, 2, 28);
        holiday(days, "清明节", 2026, 4, 4, 6);
        holiday(days, "劳动节", 2026, 5, 1, 5);
        workday(days, "劳动节调休", 2026, 5, 9);
        holiday(days, "端午节", 2026, 6, 19, 21);
        holiday(days, "中秋节", 2026, 9, 25, 27);
        holiday(days, "国庆节", 2026, 10, 1, 7);
        workday(days, "国庆节调休", 2026, 9, 20);
        workday(days, "国庆节调休", 2026, 10, 10);
        db.transaction(cfg -> CalendarRepository.using(cfg).put(days));
        return days.size();
    }

    private static void holiday(List<CalendarDay> days, String name, int year, int month, int from, int to) {
        for (int d = from; d <= to; d++) {
            days.add(new CalendarDay(LocalDate.of(year, month, d), Kind.HOLIDAY, name));
        }
    }

    private static void workday(List<CalendarDay> days, String name, int year, int month, int day) {
        days.add(new CalendarDay(LocalDate.of(year, month, day), Kind.WORKDAY, name));
    }
}
