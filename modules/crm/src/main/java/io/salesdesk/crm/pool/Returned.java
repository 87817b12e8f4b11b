package io.salesdesk.crm.pool;

import java.util.UUID;

/** A customer a rule sent back to the pool, and whose it was (they are told). */
public record Returned(UUID customerId, String customerName, UUID previousOwnerId, String reason) {
}
