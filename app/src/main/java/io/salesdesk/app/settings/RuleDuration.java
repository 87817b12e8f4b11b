package io.salesdesk.app.settings;

import io.salesdesk.app.common.I18n;

/**
 * An SLA time limit as a manager thinks of it: a number and a unit ("2 天", "30 分钟"), stored as
 * minutes. A day is 24 hours of whatever the rule counts (clock or working time).
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

    /** The largest unit that divides the minutes evenly; null for no limit. */
    static RuleDuration of(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        Unit unit = minutes % Unit.DAYS.minutes == 0 ? Unit.DAYS
                : minutes % Unit.HOURS.minutes == 0 ? Unit.HOURS : Unit.MINUTES;
        return new RuleDuration(minutes / unit.minutes, unit);
    }

    int minutes() {
        return Math.multiplyExact(amount, unit.minutes);
    }

    /** "2 天", "30 分钟（工作时间）", or a dash for no limit. */
    static String text(Integer minutes, boolean workingTime) {
        RuleDuration duration = of(minutes);
        if (duration == null) {
            return I18n.get("leadRules.never");
        }
        String text = I18n.get("leadRules.duration." + duration.unit().name(), duration.amount());
        return workingTime ? I18n.get("leadRules.duration.workingTime", text) : text;
    }
}
