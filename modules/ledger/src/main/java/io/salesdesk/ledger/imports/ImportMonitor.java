package io.salesdesk.ledger.imports;

/** Receives progress of long import work and tells it when the user has cancelled. */
public interface ImportMonitor {

    /** A monitor that shows nothing and never cancels. */
    ImportMonitor NONE = new ImportMonitor() {
        @Override
        public void progress(ImportPhase phase, long done, long total) {
            // Nobody is watching.
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * Reports progress.
     *
     * @param phase the step
     * @param done  rows done in this step
     * @param total rows in this step, or -1 while unknown
     */
    void progress(ImportPhase phase, long done, long total);

    /** Tells whether the user has asked to stop; the work then ends with {@link ImportCancelledException}. */
    boolean cancelled();

    /** Throws {@link ImportCancelledException} if the user has cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new ImportCancelledException();
        }
    }
}
