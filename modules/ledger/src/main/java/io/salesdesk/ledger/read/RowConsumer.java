package io.salesdesk.ledger.read;

/** Receives the rows of a sheet one by one as they are read, so no sheet is held in memory. */
@FunctionalInterface
public interface RowConsumer {

    /**
     * Takes one non-blank row.
     *
     * @param row the row; blank rows are skipped, so row numbers may jump
     * @return {@code true} to keep reading, {@code false} to stop (e.g. after a preview)
     */
    boolean accept(LedgerRow row);
}
