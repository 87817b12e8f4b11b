package io.salesdesk.sync;

import java.math.BigDecimal;
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
        if (value instanceof BigDecimal decimal) {
            // 100000.00 read from a DECIMAL column is 100000 in the audit trail: without the same
            // spelling a deal's amount would never equal its change record's base.
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        return value.toString();
    }
}
