package io.salesdesk.ledger.read;

/**
 * Hands rows to the consumer, counts them, and fails as soon as the sheet passes the row limit,
 * so an oversized ledger is refused after reading only the allowed rows.
 */
final class RowLimiter {

    private final String fileName;
    private final ReadLimits limits;
    private final RowConsumer consumer;
    private int delivered;
    private boolean stopped;

    RowLimiter(String fileName, ReadLimits limits, RowConsumer consumer) {
        this.fileName = fileName;
        this.limits = limits;
        this.consumer = consumer;
    }

    /**
     * Passes a row on unless the consumer has asked to stop.
     *
     * @param row the row, or {@code null} for a blank row, which is skipped
     * @return {@code true} to keep reading
     */
    boolean offer(LedgerRow row) {
        if (stopped) {
            return false;
        }
        if (row == null) {
            return true;
        }
        if (++delivered > limits.maxRows()) {
            throw new LedgerReadException(LedgerReadException.TOO_MANY_ROWS, fileName, limits.maxRows());
        }
        try {
            stopped = !consumer.accept(row);
        } catch (RuntimeException e) {
            // The caller's own failure must reach the caller as it is, not as "file damaged".
            throw new ConsumerFailure(e);
        }
        return !stopped;
    }

    boolean stopped() {
        return stopped;
    }

    /** Carries an exception of the row consumer through the reader's error translation. */
    static final class ConsumerFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }
}
