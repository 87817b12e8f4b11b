package io.salesdesk.commerce.collection;

import java.math.BigDecimal;

/**
 * Open receivables by how long they are overdue (账龄): not yet due, 1-30, 31-60, 61-90 and more
 * than 90 days past their due date, as of today in business time.
 *
 * @param notDue   due today or later
 * @param upTo30   1 to 30 days overdue (the 0-30 bucket)
 * @param upTo60   31 to 60 days overdue
 * @param upTo90   61 to 90 days overdue
 * @param over90   more than 90 days overdue
 */
public record Ageing(BigDecimal notDue, BigDecimal upTo30, BigDecimal upTo60, BigDecimal upTo90, BigDecimal over90) {

    public static final Ageing NONE = new Ageing(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    /** Everything overdue. */
    public BigDecimal overdue() {
        return upTo30.add(upTo60).add(upTo90).add(over90);
    }

    /** Everything open, due or not. */
    public BigDecimal total() {
        return notDue.add(overdue());
    }
}
