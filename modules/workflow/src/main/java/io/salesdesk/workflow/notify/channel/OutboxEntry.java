package io.salesdesk.workflow.notify.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message waiting for, or done with, one channel.
 *
 * @param address     the e-mail address for an e-mail channel, null for a robot
 * @param attempts    attempts made so far
 * @param nextAttemptAt when the deliverer tries it (again) while {@link Status#PENDING}
 */
public record OutboxEntry(UUID id, UUID channelId, String notificationKind, UUID recipientId, String address,
                          String title, String body, Status status, int attempts, OffsetDateTime nextAttemptAt,
                          String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

    /** Where an entry stands. */
    public enum Status {
        PENDING, SENT, FAILED
    }

    public Outgoing outgoing() {
        return new Outgoing(title, body, address);
    }
}
