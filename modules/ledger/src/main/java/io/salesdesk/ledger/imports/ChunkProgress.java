package io.salesdesk.ledger.imports;

/**
 * Shows a writer's progress within one chunk as progress of the whole import: the writer counts
 * from zero in every chunk, the user wants one bar that fills once.
 */
final class ChunkProgress implements ImportMonitor {

    private final ImportMonitor monitor;
    private final long total;
    private long before;

    ChunkProgress(ImportMonitor monitor, long total) {
        this.monitor = monitor;
        this.total = total;
    }

    @Override
    public void progress(ImportPhase phase, long done, long chunkTotal) {
        if (phase == ImportPhase.COMMIT) {
            monitor.progress(phase, Math.min(total, before + done), total);
        } else {
            monitor.progress(phase, done, chunkTotal);
        }
    }

    @Override
    public boolean cancelled() {
        return monitor.cancelled();
    }

    /** The chunk in progress is written; the next one counts on from here. */
    void chunkDone(int written) {
        before += written;
    }
}
