package io.salesdesk.workflow.notify;

import io.salesdesk.core.Actor;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The in-app inbox: what the bell shows and what the desktop pops up. */
public final class NotificationService {

    public static final int INBOX_LIMIT = 200;

    private final Database db;
    private final Clock clock;

    public NotificationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Notification> inbox(Actor viewer) {
        return db.transactionResult(cfg -> NotificationRepository.using(cfg, clock).inbox(viewer.userId(), INBOX_LIMIT));
    }

    public int unreadCount(Actor viewer) {
        return db.transactionResult(cfg -> NotificationRepository.using(cfg, clock).unreadCount(viewer.userId()));
    }

    /** The viewer's messages not yet shown on the desktop; each is returned once. */
    public List<Notification> takeUnshown(Actor viewer, int limit) {
        return db.transactionResult(cfg -> NotificationRepository.using(cfg, clock).takeUnshown(viewer.userId(), limit));
    }

    public void markRead(Actor viewer, Collection<UUID> ids) {
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).markRead(viewer.userId(), ids));
    }
}
