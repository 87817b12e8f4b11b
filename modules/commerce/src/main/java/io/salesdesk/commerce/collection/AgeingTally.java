package io.salesdesk.commerce.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Adds open amounts into the ageing buckets by their due date, as of one day. The database sums
 * per due date (or hands over the items) and the bucketing happens here: five CASE sums per row
 * cost HSQLDB more than the scan itself.
 */
final class AgeingTally {

    private final LocalDate today;
    private final BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO};

    AgeingTally(LocalDate today) {
        this.today = today;
    }

    /** Adds an amount due on {@code dueOn}: not due from today on, then 1-30, 31-60, 61-90, 90+ days overdue. */
    void add(LocalDate dueOn, BigDecimal open) {
        long overdueDays = ChronoUnit.DAYS.between(dueOn, today);
        int bucket = overdueDays <= 0 ? 0 : overdueDays <= 30 ? 1 : overdueDays <= 60 ? 2 : overdueDays <= 90 ? 3 : 4;
        buckets[bucket] = buckets[bucket].add(open);
    }

    Ageing ageing() {
        return new Ageing(money(buckets[0]), money(buckets[1]), money(buckets[2]), money(buckets[3]),
                money(buckets[4]));
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
