package io.salesdesk.workflow.notify.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One attempt in a channel's log.
 *
 * @param outboxId      the outbox entry, null for a test send from Settings
 * @param nextAttemptAt when it is tried again, for {@link Outcome#RETRY}
 */
public record Delivery(UUID id, UUID channelId, UUID outboxId, int attemptNo, OffsetDateTime attemptedAt,
                       Outcome outcome, Integer statusCode, String error, OffsetDateTime nextAttemptAt, String title) {

    /** How an attempt ended. */
    public enum Outcome {
        SENT, RETRY, FAILED
    }
}
