package io.salesdesk.sync;

import java.util.List;
import java.util.UUID;

/**
 * A hub seen through a progress window: reports every page that went up or came down, and stops
 * the sync before the next page once cancelled. Each page commits on the replica with its cursor
 * (docs/decisions.md, decision 6), so stopping between pages loses nothing and the next sync resumes.
 */
public final class ObservedHub implements SyncHub {

    /** Hears each page as it is done; called on the syncing thread. */
    public interface Progress {

        /** A page of {@code changes} local changes went up and the hub merged it. */
        void pushed(int changes);

        /** A page of {@code rows} hub rows came down; {@code more}: further pages follow. */
        void pulled(int rows, boolean more);
    }

    private final SyncHub hub;
    private final Progress progress;
    private volatile boolean cancelled;

    public ObservedHub(SyncHub hub, Progress progress) {
        this.hub = hub;
        this.progress = progress;
    }

    /** Stops the sync before its next page (the page under way finishes and commits). */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public Registration register(UUID orgUnitId) {
        return hub.register(orgUnitId);
    }

    @Override
    public Hello hello(UUID replicaId) {
        stopIfCancelled();
        return hub.hello(replicaId);
    }

    @Override
    public PushResult push(UUID replicaId, List<TravelChange> changes) {
        stopIfCancelled();
        PushResult result = hub.push(replicaId, changes);
        progress.pushed(changes.size());
        return result;
    }

    @Override
    public PullPage pull(UUID replicaId, long afterSeq, int limit) {
        stopIfCancelled();
        PullPage page = hub.pull(replicaId, afterSeq, limit);
        progress.pulled(page.rows().size(), page.more());
        return page;
    }

    private void stopIfCancelled() {
        if (cancelled) {
            throw new SyncCancelledException();
        }
    }
}
