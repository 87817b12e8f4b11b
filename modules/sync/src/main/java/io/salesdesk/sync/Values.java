package io.salesdesk.sync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Field values as canonical text, spelled as the audit trail spells them, so both sides compare equal. */
final class Values {

    private Values() {
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        return value.toString();
    }
}
