package io.salesdesk.commerce.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client's scheduler runs every minute for sales and finance, beside workflow's
 * {@code Timers}: the overdue-collection scan. Commerce depends on workflow, not the other way
 * round, so the app runs both.
 */
public final class CommerceTimers {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceTimers.class);

    private final OverdueScanner overdue;

    public CommerceTimers(OverdueScanner overdue) {
        this.overdue = overdue;
    }

    /** What one run did. */
    public record Run(int overdueEscalated) {
    }

    /** Runs every commerce timer once; a failure is logged and the next run tries again. */
    public synchronized Run runDue() {
        int escalated = 0;
        try {
            escalated = overdue.scan();
        } catch (RuntimeException e) {
            LOG.error("Overdue collection scan failed", e);
        }
        if (escalated > 0) {
            LOG.info("Commerce timers: {} overdue collections escalated", escalated);
        }
        return new Run(escalated);
    }
}
