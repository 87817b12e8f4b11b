package io.salesdesk.insight.funnel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the database says about one deal for one node, before the threshold is applied.
 *
 * @param openedAt     when the deal was opened
 * @param reachedAt    when it reached the node's stage (or a later open or won one), null if not
 * @param firstMatchAt the first matching activity since the deal was opened, null if none
 * @param matchCount   matching activities in the node's window
 * @param questions    the customer's questions and the first reply to each (null if none yet)
 */
public record DealFacts(UUID opportunityId, String opportunityName, UUID ownerId, UUID managerId,
                        OffsetDateTime openedAt, OffsetDateTime reachedAt, OffsetDateTime firstMatchAt,
                        int matchCount, List<Question> questions) {

    public DealFacts {
        questions = List.copyOf(questions);
    }

    /** A customer's inbound activity and the rep's first reply after it. */
    public record Question(OffsetDateTime askedAt, OffsetDateTime repliedAt) {
    }
}
