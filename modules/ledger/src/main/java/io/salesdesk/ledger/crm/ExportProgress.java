package io.salesdesk.ledger.crm;

import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;

/** Counts the rows an export has written and tells the monitor every so often; checks for cancel. */
final class ExportProgress {

    private static final int STEP = 2000;

    private final ImportMonitor monitor;
    private final int total;
    private int written;

    ExportProgress(ImportMonitor monitor, int total) {
        this.monitor = monitor;
        this.total = total;
    }

    /** One more row written. */
    void row() {
        if (++written % STEP == 0) {
            monitor.checkCancelled();
            monitor.progress(ImportPhase.COMMIT, written, total);
        }
    }

    /** Reports the end and returns how many rows were written. */
    int finish() {
        monitor.progress(ImportPhase.COMMIT, written, total);
        return written;
    }
}
