package io.salesdesk.app.settings;

import io.salesdesk.app.common.I18n;

/**
 * An SLA time limit as a manager thinks of it: a number and a unit ("2 天", "30 分钟"), stored as
 * minutes. A rule that counts working time is given in hours and minutes only: a "day" of working
 * time would read as a working day but count 24 working hours, nearly three of them.
 */
record RuleDuration(int amount, Unit unit) {

    /** The units a limit is entered in, largest last. */
    enum Unit {
        MINUTES(1), HOURS(60), DAYS(24 * 60);

        final int minutes;

        Unit(int minutes) {
            this.minutes = minutes;
        }
    }

    /** The units a limit may be given in: no days for working time. */
    static java.util.List<Unit> units(boolean workingTime) {
        return workingTime ? java.util.List.of(Unit.MINUTES, Unit.HOURS) : java.util.List.of(Unit.values());
    }

    /** The largest allowed unit that divides the minutes evenly; null for no limit. */
    static RuleDuration of(Integer minutes, boolean workingTime) {
        if (minutes == null) {
            return null;
        }
        Unit unit = !workingTime && minutes % Unit.DAYS.minutes == 0 ? Unit.DAYS
                : minutes % Unit.HOURS.minutes == 0 ? Unit.HOURS : Unit.MINUTES;
        return new RuleDuration(minutes / unit.minutes, unit);
    }

    int minutes() {
        return Math.multiplyExact(amount, unit.minutes);
    }

    /** "2 天", "30 分钟（工作时间）", or a dash for no limit. */
    static String text(Integer minutes, boolean workingTime) {
        RuleDuration duration = of(minutes, workingTime);
        if (duration == null) {
            return I18n.get("leadRules.never");
        }
        String text = I18n.get("leadRules.duration." + duration.unit().name(), duration.amount());
        return workingTime ? I18n.get("leadRules.duration.workingTime", text) : text;
    }
}
