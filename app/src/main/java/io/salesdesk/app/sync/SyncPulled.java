package io.salesdesk.app.sync;

/** A sync brought rows from the head office: lists showing customers or contacts read again. */
public record SyncPulled(int rows) {
}
