package io.salesdesk.workflow.notify.channel;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.NOTIFICATION_CHANNEL;
import static io.salesdesk.db.jooq.Tables.NOTIFICATION_DELIVERY;
import static io.salesdesk.db.jooq.Tables.NOTIFICATION_OUTBOX;

import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.NotificationDeliveryRecord;
import io.salesdesk.db.jooq.tables.records.NotificationOutboxRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The outbox of outbound messages (table {@code notification_outbox}) and the log of delivery
 * attempts ({@code notification_delivery}). Messages are put in with whatever caused them, in the
 * same transaction; the deliverer takes them out.
 */
public final class OutboxRepository {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 2000;
    static final int ERROR_MAX = 1000;

    private final DSLContext dsl;
    private final Clock clock;

    private OutboxRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static OutboxRepository using(Configuration configuration, Clock clock) {
        return new OutboxRepository(configuration, clock);
    }

    /**
     * Puts a message for each enabled channel that carries {@code kind}: for an e-mail channel one
     * per recipient with an e-mail address, for a robot one for its group, naming the recipients.
     *
     * @return the entries written
     */
    public int enqueue(Collection<UUID> recipients, String kind, String title, String body) {
        List<Channel> channels = ChannelRepository.using(dsl.configuration(), clock).enabled().stream()
                .filter(c -> c.carries(kind)).toList();
        if (channels.isEmpty()) {
            return 0;
        }
        Map<UUID, Record> people = new LinkedHashMap<>();
        if (!recipients.isEmpty()) {
            dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL).from(APP_USER)
                    .where(APP_USER.ID.in(recipients), APP_USER.DELETED_AT.isNull(), APP_USER.ACTIVE.isTrue())
                    .forEach(r -> people.put(r.get(APP_USER.ID), r));
        }
        List<UUID> ordered = recipients.stream().distinct().filter(people::containsKey).toList();
        int written = 0;
        for (Channel channel : channels) {
            if (channel.kind() == ChannelKind.EMAIL) {
                for (UUID id : ordered) {
                    String email = Rows.blankToNull(people.get(id).get(APP_USER.EMAIL));
                    if (email != null) {
                        insert(channel.id(), kind, id, email, title, body);
                        written++;
                    }
                }
            } else {
                // A group robot posts once to the group; the @-line says whom it concerns.
                String names = ordered.stream().map(id -> "@" + people.get(id).get(APP_USER.DISPLAY_NAME))
                        .collect(Collectors.joining(" "));
                insert(channel.id(), kind, null, null, title, names.isEmpty() ? body : body + "\n" + names);
                written++;
            }
        }
        return written;
    }

    private void insert(UUID channelId, String kind, UUID recipientId, String address, String title, String body) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.ID, Ids.newId(clock))
                .set(NOTIFICATION_OUTBOX.CHANNEL_ID, channelId)
                .set(NOTIFICATION_OUTBOX.NOTIFICATION_KIND, kind)
                .set(NOTIFICATION_OUTBOX.RECIPIENT_ID, recipientId)
                .set(NOTIFICATION_OUTBOX.ADDRESS, address)
                .set(NOTIFICATION_OUTBOX.TITLE, shorten(title, TITLE_MAX))
                .set(NOTIFICATION_OUTBOX.BODY, shorten(body, BODY_MAX))
                .set(NOTIFICATION_OUTBOX.STATUS, OutboxEntry.Status.PENDING.name())
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, 0)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, now)
                .set(NOTIFICATION_OUTBOX.CREATED_AT, now)
                .execute();
    }

    /**
     * Pending entries due by {@code now} on enabled channels and not held by another client, the
     * longest waiting first. An entry on a channel switched off waits until it is switched on again.
     */
    public List<OutboxEntry> due(OffsetDateTime now, int limit) {
        return dsl.select(NOTIFICATION_OUTBOX.fields()).from(NOTIFICATION_OUTBOX)
                .join(NOTIFICATION_CHANNEL).on(NOTIFICATION_CHANNEL.ID.eq(NOTIFICATION_OUTBOX.CHANNEL_ID))
                .where(NOTIFICATION_OUTBOX.STATUS.eq(OutboxEntry.Status.PENDING.name()),
                        NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(now),
                        NOTIFICATION_OUTBOX.CLAIMED_UNTIL.isNull().or(NOTIFICATION_OUTBOX.CLAIMED_UNTIL.lt(now)),
                        NOTIFICATION_CHANNEL.ENABLED.isTrue(), NOTIFICATION_CHANNEL.DELETED_AT.isNull())
                .orderBy(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, NOTIFICATION_OUTBOX.ID)
                .limit(limit)
                .fetch(r -> toEntry(r.into(NOTIFICATION_OUTBOX)));
    }

    /**
     * Holds an entry for this client until {@code until}; false if another client took it first
     * or it is no longer pending.
     */
    public boolean claim(UUID id, OffsetDateTime now, OffsetDateTime until) {
        return dsl.update(NOTIFICATION_OUTBOX).set(NOTIFICATION_OUTBOX.CLAIMED_UNTIL, until)
                .where(NOTIFICATION_OUTBOX.ID.eq(id),
                        NOTIFICATION_OUTBOX.STATUS.eq(OutboxEntry.Status.PENDING.name()),
                        NOTIFICATION_OUTBOX.CLAIMED_UNTIL.isNull().or(NOTIFICATION_OUTBOX.CLAIMED_UNTIL.lt(now)))
                .execute() == 1;
    }

    /**
     * Records an attempt on an entry and where that leaves it: sent, tried again at {@code retryAt},
     * or failed for good when {@code retryAt} is null.
     */
    public Delivery recordAttempt(OutboxEntry entry, SendResult result, OffsetDateTime now, OffsetDateTime retryAt) {
        int attempt = entry.attempts() + 1;
        Delivery.Outcome outcome = result.delivered() ? Delivery.Outcome.SENT
                : retryAt != null ? Delivery.Outcome.RETRY : Delivery.Outcome.FAILED;
        OutboxEntry.Status status = switch (outcome) {
            case SENT -> OutboxEntry.Status.SENT;
            case RETRY -> OutboxEntry.Status.PENDING;
            case FAILED -> OutboxEntry.Status.FAILED;
        };
        String error = result.error() == null ? null : shorten(result.error(), ERROR_MAX);
        dsl.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, status.name())
                .set(NOTIFICATION_OUTBOX.ATTEMPTS, attempt)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, outcome == Delivery.Outcome.RETRY ? retryAt : now)
                .set(NOTIFICATION_OUTBOX.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, error)
                .set(NOTIFICATION_OUTBOX.SENT_AT, result.delivered() ? now : null)
                .where(NOTIFICATION_OUTBOX.ID.eq(entry.id()))
                .execute();
        return log(entry.channelId(), entry.id(), attempt, now, outcome, result, outcome == Delivery.Outcome.RETRY
                ? retryAt : null, entry.title());
    }

    /** Records a test send from Settings in the channel's log. */
    public Delivery recordTest(UUID channelId, String title, SendResult result, OffsetDateTime now) {
        return log(channelId, null, 1, now, result.delivered() ? Delivery.Outcome.SENT : Delivery.Outcome.FAILED,
                result, null, title);
    }

    private Delivery log(UUID channelId, UUID outboxId, int attempt, OffsetDateTime now, Delivery.Outcome outcome,
                         SendResult result, OffsetDateTime next, String title) {
        NotificationDeliveryRecord r = dsl.newRecord(NOTIFICATION_DELIVERY);
        r.setId(Ids.newId(clock));
        r.setChannelId(channelId);
        r.setOutboxId(outboxId);
        r.setAttemptNo(attempt);
        r.setAttemptedAt(now);
        r.setOutcome(outcome.name());
        r.setStatusCode(result.statusCode());
        r.setErrorText(result.error() == null ? null : shorten(result.error(), ERROR_MAX));
        r.setNextAttemptAt(next);
        r.setTitle(shorten(title, TITLE_MAX));
        r.insert();
        return toDelivery(r);
    }

    /** A user's e-mail address, if they have one. */
    public Optional<String> emailOf(UUID userId) {
        return Optional.ofNullable(Rows.blankToNull(dsl.select(APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.EMAIL)));
    }

    public Optional<OutboxEntry> entry(UUID id) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.ID.eq(id))
                .fetchOptional(OutboxRepository::toEntry);
    }

    /** A channel's entries, newest first. */
    public List<OutboxEntry> entries(UUID channelId, int limit) {
        return dsl.selectFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.CHANNEL_ID.eq(channelId))
                .orderBy(NOTIFICATION_OUTBOX.CREATED_AT.desc(), NOTIFICATION_OUTBOX.ID.desc()).limit(limit)
                .fetch(OutboxRepository::toEntry);
    }

    /**
     * Deletes what is settled and older than {@code before}: sent and failed entries with their
     * attempts, and test sends. Pending entries stay, however old, so nothing unsent disappears.
     *
     * @return entries deleted
     */
    public int purgeSettled(OffsetDateTime before) {
        var settled = DSL.select(NOTIFICATION_OUTBOX.ID).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.STATUS.ne("PENDING"), NOTIFICATION_OUTBOX.CREATED_AT.lt(before));
        dsl.deleteFrom(NOTIFICATION_DELIVERY).where(NOTIFICATION_DELIVERY.OUTBOX_ID.in(settled)).execute();
        dsl.deleteFrom(NOTIFICATION_DELIVERY).where(NOTIFICATION_DELIVERY.OUTBOX_ID.isNull(),
                NOTIFICATION_DELIVERY.ATTEMPTED_AT.lt(before)).execute();
        return dsl.deleteFrom(NOTIFICATION_OUTBOX).where(NOTIFICATION_OUTBOX.STATUS.ne("PENDING"),
                NOTIFICATION_OUTBOX.CREATED_AT.lt(before)).execute();
    }

    /** A channel's latest attempts, newest first. */
    public List<Delivery> log(UUID channelId, int limit) {
        return dsl.selectFrom(NOTIFICATION_DELIVERY).where(NOTIFICATION_DELIVERY.CHANNEL_ID.eq(channelId))
                .orderBy(NOTIFICATION_DELIVERY.ATTEMPTED_AT.desc(), NOTIFICATION_DELIVERY.ID.desc()).limit(limit)
                .fetch(OutboxRepository::toDelivery);
    }

    /** The latest attempt of each channel that has one, in one query. */
    public Map<UUID, Delivery> latestByChannel() {
        var latest = DSL.select(NOTIFICATION_DELIVERY.CHANNEL_ID.as("cid"),
                        DSL.max(NOTIFICATION_DELIVERY.ATTEMPTED_AT).as("latest"))
                .from(NOTIFICATION_DELIVERY).groupBy(NOTIFICATION_DELIVERY.CHANNEL_ID).asTable("latest_delivery");
        Map<UUID, Delivery> result = new LinkedHashMap<>();
        dsl.select(NOTIFICATION_DELIVERY.fields()).from(NOTIFICATION_DELIVERY)
                .join(latest).on(latest.field("cid", UUID.class).eq(NOTIFICATION_DELIVERY.CHANNEL_ID),
                        latest.field("latest", OffsetDateTime.class).eq(NOTIFICATION_DELIVERY.ATTEMPTED_AT))
                .orderBy(NOTIFICATION_DELIVERY.ID)
                .fetch(r -> toDelivery(r.into(NOTIFICATION_DELIVERY)))
                .forEach(d -> result.put(d.channelId(), d));
        return result;
    }

    private static OutboxEntry toEntry(NotificationOutboxRecord r) {
        return new OutboxEntry(r.getId(), r.getChannelId(), r.getNotificationKind(), r.getRecipientId(), r.getAddress(),
                r.getTitle(), r.getBody(), OutboxEntry.Status.valueOf(r.getStatus()), r.getAttempts(),
                r.getNextAttemptAt(), r.getLastError(), r.getCreatedAt(), r.getSentAt());
    }

    private static Delivery toDelivery(NotificationDeliveryRecord r) {
        return new Delivery(r.getId(), r.getChannelId(), r.getOutboxId(), r.getAttemptNo(), r.getAttemptedAt(),
                Delivery.Outcome.valueOf(r.getOutcome()), r.getStatusCode(), r.getErrorText(), r.getNextAttemptAt(),
                r.getTitle());
    }

    static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
