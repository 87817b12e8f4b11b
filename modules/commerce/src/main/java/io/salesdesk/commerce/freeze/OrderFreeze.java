package io.salesdesk.commerce.freeze;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Same-category orders of one customer held after a stock check found a shortage, until
 * {@code heldUntil} unless a manager lifted the hold earlier with a reason.
 *
 * @param opportunityId the opportunity whose check found the shortage, may be null
 * @param reason        why, e.g. 库存不足：MON-M8 缺 3 台
 * @param liftedAt      when a manager lifted it, null while it holds
 */
public record OrderFreeze(UUID id, UUID customerId, String category, UUID opportunityId, String reason,
                          OffsetDateTime heldFrom, OffsetDateTime heldUntil, OffsetDateTime liftedAt, UUID liftedBy,
                          String liftReason) {

    /** Whether it holds orders at {@code now}: not lifted and not yet expired. */
    public boolean activeAt(OffsetDateTime now) {
        return liftedAt == null && !now.isBefore(heldFrom) && now.isBefore(heldUntil);
    }
}
