package io.salesdesk.sync;

import io.salesdesk.core.SalesDeskException;

/** The user cancelled a sync: it stopped before the next page, every page before it committed. */
public final class SyncCancelledException extends SalesDeskException {

    public SyncCancelledException() {
        super("error.syncCancelled");
    }
}
