package io.salesdesk.sync;

import java.util.List;
import java.util.UUID;

/**
 * A hub behind a line that drops at chosen calls, for tests and the soak test: the call fails
 * either before it reaches the hub or after the hub did its work (the answer is lost).
 */
public final class InterruptingHub implements SyncHub {

    /** Where the line drops. */
    public enum When {
        BEFORE_HUB, AFTER_HUB
    }

    /** The exception a dropped line throws. */
    public static final class LineDropped extends RuntimeException {
        LineDropped(String call) {
            super("The line to the hub dropped during " + call);
        }
    }

    private final SyncHub hub;
    private int calls;
    private int failAt = -1;
    private When when = When.BEFORE_HUB;
    private int pushesApplied;

    public InterruptingHub(SyncHub hub) {
        this.hub = hub;
    }

    /** Drops the line at the {@code n}-th call from now (1 = the next one) of push or pull. */
    public void dropAt(int n, When when) {
        this.failAt = calls + n;
        this.when = when;
    }

    /** Lets every call through again. */
    public void reset() {
        this.failAt = -1;
    }

    /** Push calls the hub has carried out (an answer lost after the hub counts). */
    public int pushesApplied() {
        return pushesApplied;
    }

    @Override
    public Registration register(UUID orgUnitId) {
        return hub.register(orgUnitId);
    }

    @Override
    public Hello hello(UUID replicaId) {
        return hub.hello(replicaId);
    }

    @Override
    public PushResult push(UUID replicaId, List<TravelChange> changes) {
        boolean drop = ++calls == failAt;
        if (drop && when == When.BEFORE_HUB) {
            throw new LineDropped("push");
        }
        PushResult result = hub.push(replicaId, changes);
        pushesApplied++;
        if (drop) {
            throw new LineDropped("push");
        }
        return result;
    }

    @Override
    public PullPage pull(UUID replicaId, long afterSeq, int limit) {
        boolean drop = ++calls == failAt;
        if (drop && when == When.BEFORE_HUB) {
            throw new LineDropped("pull");
        }
        PullPage page = hub.pull(replicaId, afterSeq, limit);
        if (drop) {
            throw new LineDropped("pull");
        }
        return page;
    }
}
