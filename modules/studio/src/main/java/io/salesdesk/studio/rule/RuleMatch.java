package io.salesdesk.studio.rule;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record a rule matches.
 *
 * @param label  how people name it (the customer's name)
 * @param ownerId the record's owner; null for an unowned (public pool) customer
 * @param anchor what this match is about: the last counted follow-up (or creation) for "no activity",
 *               the creation for "created", the change for "field changed to"; a rule fires once per anchor
 */
public record RuleMatch(UUID recordId, String label, UUID ownerId, OffsetDateTime anchor) {
}
