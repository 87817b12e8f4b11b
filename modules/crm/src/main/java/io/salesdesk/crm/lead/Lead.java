package io.salesdesk.crm.lead;

import io.salesdesk.crm.Tier;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lead as lists, boards and dispatch see it.
 *
 * @param ownerId          the rep it is assigned to; null while new or in the pool
 * @param assignmentReason why it went to that rep, in words, as dispatch or a manager wrote it
 * @param assignmentFlag   what a manager should look at: {@link AssignmentFlag}, or null
 * @param responseMinutes  minutes from assignment to the first response; null until contacted
 */
public record Lead(UUID id, String name, String contactName, String phone, String address, String regionCode,
                   String industry, Tier tier, String source, String note, LeadStatus status, UUID ownerId,
                   String ownerName, OffsetDateTime assignedAt, String assignmentReason, AssignmentFlag assignmentFlag,
                   OffsetDateTime firstResponseAt, Integer responseMinutes, String disqualifyReason, UUID customerId,
                   UUID opportunityId, OffsetDateTime closedAt, String boardRank, long version,
                   OffsetDateTime createdAt) {

    public LeadDraft toDraft() {
        return new LeadDraft(name, contactName, phone, address, regionCode, industry, tier, source, note);
    }

    /** The tier rules use: an unknown tier counts as C. */
    public Tier tierOrDefault() {
        return tier == null ? Tier.C : tier;
    }

    /** Why a lead needs a manager's eye after dispatch. */
    public enum AssignmentFlag {
        /** No region known: dispatched by load and track record only. */
        NO_REGION,
        /** Nobody covers its region: dispatched among all reps. */
        OUT_OF_TERRITORY,
        /** No rep could take it (all away or full): waiting in the regional pool. */
        NO_ELIGIBLE_REP,
        /** A manager chose the rep by hand. */
        OVERRIDE
    }
}
