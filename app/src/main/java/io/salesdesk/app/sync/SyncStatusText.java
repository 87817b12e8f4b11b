package io.salesdesk.app.sync;

import io.salesdesk.app.common.I18n;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.ReplicaStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The words of the sync status: 已同步 or 离线 with the time of the last good sync, and what waits to go up. */
public final class SyncStatusText {

    private SyncStatusText() {
    }

    static String describe(ReplicaSync.State state, ReplicaStatus status, ReplicaSettings.LastSync last, Instant now,
                           ZoneId zone) {
        Instant good = last != null && last.lastGood() != null ? last.lastGood()
                : status == null ? null : status.lastSyncedAt();
        String head = switch (state) {
            case SYNCING -> I18n.get("sync.status.syncing");
            case OFFLINE -> good == null ? I18n.get("sync.status.offlineNever")
                    : I18n.get("sync.status.offline", when(good, now, zone));
            case PROBLEM -> I18n.get("sync.status.problem");
            case IDLE -> good == null ? I18n.get("sync.status.never") : I18n.get("sync.status.synced", when(good, now, zone));
        };
        int waiting = status == null ? 0 : status.waiting();
        return head + " · " + (waiting == 0 ? I18n.get("sync.status.nothingWaiting")
                : I18n.get("sync.status.waiting", waiting));
    }

    /** 今天 14:05, 昨天 09:30 or 11月3日 14:05 (with the year when it is not this year's). */
    public static String when(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = t.format(DateTimeFormatter.ofPattern("HH:mm"));
        if (t.toLocalDate().equals(today)) {
            return I18n.get("sync.time.today", time);
        }
        if (t.toLocalDate().equals(today.minusDays(1))) {
            return I18n.get("sync.time.yesterday", time);
        }
        String pattern = I18n.get(t.getYear() == today.getYear() ? "sync.time.datePattern" : "sync.time.yearPattern");
        return t.format(DateTimeFormatter.ofPattern(pattern, I18n.locale()));
    }
}
