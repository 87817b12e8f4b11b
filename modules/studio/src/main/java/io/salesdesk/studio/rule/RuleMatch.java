package io.salesdesk.studio.rule;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A record a rule matches.
 *
 * @param label  how people name it (the customer's, lead's or opportunity's name)
 * @param ownerId the record's owner; null for an unowned (public pool) record
 * @param anchor what this match is about: the last counted follow-up (or creation) for "no activity",
 *               the creation for "created", the change for "field changed to" and "updated", the date for
 *               "date", the decision for "approval outcome"; a rule fires once per anchor
 * @param customerId the customer the record belongs to (itself for a customer), which tasks are filed
 *                   under; null for a lead not converted yet
 */
public record RuleMatch(UUID recordId, String label, UUID ownerId, OffsetDateTime anchor, UUID customerId) {

    /** A match on a customer. */
    public RuleMatch(UUID recordId, String label, UUID ownerId, OffsetDateTime anchor) {
        this(recordId, label, ownerId, anchor, recordId);
    }
}
