package io.salesdesk.db;

import io.salesdesk.core.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Small helpers shared by the repositories for the columns every business row has. */
public final class Rows {

    /** Rows a streamed read (an export) asks the driver for at a time. */
    public static final int FETCH_SIZE = 1000;

    private Rows() {
    }

    /** Now in UTC at microsecond precision, as the database stores it. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static UUID userId(Actor actor) {
        return actor == null ? null : actor.userId();
    }

    /** Blank text is stored as null so that "no value" has one spelling. */
    public static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
