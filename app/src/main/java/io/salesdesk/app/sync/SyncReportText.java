package io.salesdesk.app.sync;

import io.salesdesk.app.common.I18n;

/** How a sync ended, in words: what went up, what came down, the conflicts, or why it stopped. */
final class SyncReportText {

    private SyncReportText() {
    }

    static String describe(SyncAttempt.Result r) {
        return switch (r.outcome()) {
            case DONE -> I18n.get("sync.report.done", r.pushed(), r.pulled())
                    + (r.conflicts() == 0 ? I18n.get("sync.report.noConflicts")
                    : I18n.get("sync.report.conflicts", r.conflicts()));
            case OFFLINE -> I18n.get("sync.report.offline", r.message());
            case INTERRUPTED -> I18n.get("sync.report.interrupted", r.message(), r.pushed(), r.pulled());
            case CANCELLED -> I18n.get("sync.report.cancelled", r.pushed(), r.pulled());
            case EXPIRED -> I18n.get("sync.report.expired", r.message());
            case FAILED -> I18n.get("sync.report.failed", r.message());
        };
    }
}
