package io.salesdesk.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The time zone the sales organisation works in: days, working hours and daily limits count in it. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    /** Today in the organisation's zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
