package io.salesdesk.workflow.notify;

import static io.salesdesk.db.jooq.Tables.NOTIFICATION;

import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.notify.channel.OutboxRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The notification inbox in the database; a user reads only their own. */
public final class NotificationRepository {

    private final DSLContext dsl;
    private final Clock clock;
    private final OutboxRepository outbox;

    private NotificationRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.outbox = OutboxRepository.using(configuration, clock);
    }

    public static NotificationRepository using(Configuration configuration, Clock clock) {
        return new NotificationRepository(configuration, clock);
    }

    /**
     * Puts a message in each recipient's inbox and, in the same transaction, a copy in the outbox
     * for every enabled channel (e-mail, group robots) that carries this kind of message.
     */
    public void send(Collection<UUID> recipients, String kind, String title, String body, String subjectEntity,
                     UUID subjectId) {
        OffsetDateTime now = Rows.now(clock);
        for (UUID recipient : recipients.stream().distinct().toList()) {
            dsl.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.ID, Ids.newId(clock))
                    .set(NOTIFICATION.RECIPIENT_ID, recipient)
                    .set(NOTIFICATION.KIND, kind)
                    .set(NOTIFICATION.TITLE, shorten(title, 200))
                    .set(NOTIFICATION.BODY, shorten(body, 1000))
                    .set(NOTIFICATION.SUBJECT_ENTITY, subjectEntity)
                    .set(NOTIFICATION.SUBJECT_ID, subjectId)
                    .set(NOTIFICATION.CREATED_AT, now)
                    .execute();
        }
        outbox.enqueue(recipients, kind, title, body);
    }

    /** The user's newest messages, unread first. */
    public List<Notification> inbox(UUID recipientId, int limit) {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID)
                .limit(limit).fetch(r -> new Notification(r.getId(), r.getRecipientId(), r.getKind(), r.getTitle(),
                        r.getBody(), r.getSubjectEntity(), r.getSubjectId(), r.getCreatedAt(), r.getReadAt(),
                        r.getShownAt()));
    }

    public int unreadCount(UUID recipientId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(recipientId), NOTIFICATION.READ_AT.isNull());
    }

    /** Messages the desktop has not shown yet, oldest first, and marks them shown. */
    public List<Notification> takeUnshown(UUID recipientId, int limit) {
        List<Notification> unshown = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(recipientId), NOTIFICATION.SHOWN_AT.isNull(),
                        NOTIFICATION.READ_AT.isNull())
                .orderBy(NOTIFICATION.CREATED_AT, NOTIFICATION.ID).limit(limit).forUpdate()
                .fetch(r -> new Notification(r.getId(), r.getRecipientId(), r.getKind(), r.getTitle(), r.getBody(),
                        r.getSubjectEntity(), r.getSubjectId(), r.getCreatedAt(), r.getReadAt(), r.getShownAt()));
        if (!unshown.isEmpty()) {
            dsl.update(NOTIFICATION).set(NOTIFICATION.SHOWN_AT, Rows.now(clock))
                    .where(NOTIFICATION.ID.in(unshown.stream().map(Notification::id).toList())).execute();
        }
        return unshown;
    }

    /** Marks the user's messages read; ids of other users' messages are ignored. */
    public void markRead(UUID recipientId, Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, Rows.now(clock))
                    .where(NOTIFICATION.RECIPIENT_ID.eq(recipientId), NOTIFICATION.ID.in(ids),
                            NOTIFICATION.READ_AT.isNull()).execute();
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
