package io.salesdesk.territory.surge;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pool access grant in force: a rep lent to a surging region sees and claims its pool, and
 * dispatch counts the region as theirs, until {@code expiresAt} or until a manager revokes it (收回).
 *
 * @param regionName the granted region in words (浙江省)
 * @param grantedBy  who accepted the surge suggestion, null if unknown
 * @param surgeId    the surge alert it came from, null for a grant made otherwise
 */
public record PoolGrant(UUID id, UUID userId, String userName, String regionCode, String regionName,
                        OffsetDateTime startsAt, OffsetDateTime expiresAt, String reason, UUID grantedBy,
                        UUID surgeId) {
}
