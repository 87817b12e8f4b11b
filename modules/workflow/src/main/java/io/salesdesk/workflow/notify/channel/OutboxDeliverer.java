package io.salesdesk.workflow.notify.channel;

import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what waits in the outbox, as the client's scheduler calls it (never on the thread of the
 * user's action). A failed attempt is tried again after 1 min, 5 min, 30 min and 2 h; after the
 * fifth attempt fails the entry is FAILED. Every attempt is logged with its status and error.
 */
public final class OutboxDeliverer {

    /** The waits after the first, second, third and fourth failed attempt. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    /** Attempts before an entry is given up: the first and one after each wait. */
    public static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    /** How long a client holds an entry it is sending; longer than any one send may take. */
    static final Duration CLAIM = Duration.ofMinutes(5);
    /** Entries sent per run; the rest wait for the next run a minute later. */
    static final int BATCH = 50;
    /** How long sent and failed messages stay in the channel log. */
    public static final Duration RETENTION = Duration.ofDays(90);
    private static final Duration PURGE_EVERY = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliverer.class);

    private final Database db;
    private final Clock clock;
    private final Map<ChannelKind, Sender> senders;
    private OffsetDateTime lastPurge;

    public OutboxDeliverer(Database db, Clock clock, Map<ChannelKind, Sender> senders) {
        this.db = db;
        this.clock = clock;
        this.senders = Map.copyOf(senders);
    }

    /** The senders the app uses: SMTP for e-mail, HTTP for the three robots. */
    public static Map<ChannelKind, Sender> standardSenders(Clock clock) {
        WebhookSender robots = new WebhookSender(clock);
        return Map.of(ChannelKind.EMAIL, new SmtpSender(clock), ChannelKind.WECOM, robots, ChannelKind.DINGTALK, robots,
                ChannelKind.FEISHU, robots);
    }

    /** What one run did. */
    public record Run(int sent, int retrying, int failed) {
    }

    /** Sends every entry due now; one that fails is rescheduled or given up, and the others still go. */
    public synchronized Run deliverDue() {
        OffsetDateTime now = Rows.now(clock);
        purgeNowAndThen(now);
        List<OutboxEntry> due = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock).due(now, BATCH));
        if (due.isEmpty()) {
            return new Run(0, 0, 0);
        }
        Map<UUID, Channel> channels = db.transactionResult(cfg -> ChannelRepository.using(cfg, clock).all()).stream()
                .collect(Collectors.toMap(Channel::id, Function.identity()));
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        // A channel that gave no answer at all (down, unreachable, timed out) is not tried again in
        // this run: its other entries wait, attempts unspent, instead of each waiting for a time-out.
        Set<UUID> unreachable = new HashSet<>();
        for (OutboxEntry entry : due) {
            Channel channel = channels.get(entry.channelId());
            if (channel == null || unreachable.contains(channel.id()) || !Boolean.TRUE.equals(db.transactionResult(cfg -> OutboxRepository.using(cfg, clock)
                    .claim(entry.id(), now, now.plus(CLAIM))))) {
                continue; // switched off meanwhile, or another client is sending it
            }
            SendResult result = send(channel, entry.outgoing());
            if (!result.delivered() && result.statusCode() == null) {
                unreachable.add(channel.id());
            }
            // The attempt is stamped with the clock after the send: a slow robot's wait counts.
            OffsetDateTime after = Rows.now(clock);
            OffsetDateTime retryAt = result.delivered() || entry.attempts() + 1 >= MAX_ATTEMPTS ? null
                    : after.plus(BACKOFF.get(entry.attempts()));
            Delivery d = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock)
                    .recordAttempt(entry, result, after, retryAt));
            switch (d.outcome()) {
                case SENT -> sent++;
                case RETRY -> retrying++;
                case FAILED -> {
                    failed++;
                    LOG.warn("Channel {} ({}) gave up on a message after {} attempts: {}", channel.name(),
                            channel.kind(), d.attemptNo(), d.error());
                }
            }
        }
        if (sent + retrying + failed > 0) {
            LOG.info("Outbox: {} sent, {} to retry, {} failed", sent, retrying, failed);
        }
        return new Run(sent, retrying, failed);
    }

    /** Keeps the outbox and the channel log from growing for ever; a few times a day is enough. */
    private void purgeNowAndThen(OffsetDateTime now) {
        if (lastPurge != null && now.isBefore(lastPurge.plus(PURGE_EVERY))) {
            return;
        }
        lastPurge = now;
        try {
            int purged = db.transactionResult(cfg -> OutboxRepository.using(cfg, clock)
                    .purgeSettled(now.minus(RETENTION)));
            if (purged > 0) {
                LOG.info("Outbox: {} messages older than {} days removed from the channel log", purged,
                        RETENTION.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox clean-up failed; it is tried again later", e);
        }
    }

    /** Sends one message now; a sender that throws counts as a failed attempt, with its error. */
    SendResult send(Channel channel, Outgoing message) {
        Sender sender = senders.get(channel.kind());
        if (sender == null) {
            return SendResult.failed(null, "no sender for " + channel.kind());
        }
        try {
            return sender.send(channel, message);
        } catch (RuntimeException e) {
            LOG.warn("Channel {} ({}) failed unexpectedly", channel.name(), channel.kind(), e);
            return SendResult.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
