package io.salesdesk.crm.pool;

import io.salesdesk.crm.Tier;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer in the public pool, as the pool list shows it.
 *
 * @param pooledAt   when it went to the pool; null for a customer that never had an owner
 * @param poolReason why, in words (released by its owner, returned by a rule)
 */
public record PoolCustomer(UUID id, String name, Tier tier, String industry, String regionCode, String regionName,
                           OffsetDateTime lastFollowUpAt, OffsetDateTime pooledAt, String poolReason,
                           String previousOwnerName, long version) {
}
