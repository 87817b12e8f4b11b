package io.salesdesk.ledger.crm;

import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityStage;
import java.util.Set;
import java.util.UUID;

/**
 * What one opportunity row will write: its customer, the values it gives and, when it duplicates a
 * deal on record, that deal with the row's values written over it.
 */
final class OpportunityPlan {

    UUID customerId;
    /**
     * Only what the row gives; the stage is null when the 阶段 cell is blank, as are the owner and
     * probability (a new deal then takes the customer's owner and the stage's probability).
     */
    OpportunityDraft given;
    /** A new deal from the row: in the first stage if it names none, worked by the customer's owner if it names nobody. */
    OpportunityDraft newDraft;
    /** The row's id and version columns (an exported ledger), or {@code null}. */
    UUID exportedId;
    Long exportedVersion;
    Set<String> blankColumns = Set.of();
    /** The deal on record with the row's values over it, when the row matches one. */
    OpportunityDraft updateDraft;
    UUID targetId;
    long expectedVersion;
    /** The matched deal's stage, probability and rank, which an update keeps unless the stage moves. */
    String currentStage;
    int currentProbability;
    String currentRank;
    /** What commit writes: the create draft, the update draft, or either with later duplicates merged in. */
    OpportunityDraft writeDraft;
    UUID newId;

    /** The draft of a new deal: the row's values, in the first stage if it names none. */
    OpportunityDraft asNew(OpportunityStage first, UUID defaultOwner) {
        return new OpportunityDraft(given.customerId(), given.name(), given.ownerId() != null ? given.ownerId()
                : defaultOwner, given.stage() != null ? given.stage() : first.code(), given.amount(),
                given.expectedCloseOn(), given.probability(), given.products(), given.closeReason());
    }

    /** The draft with every value {@code over} gives written over {@code base}. */
    static OpportunityDraft overlay(OpportunityDraft base, OpportunityDraft over) {
        return new OpportunityDraft(base.customerId(),
                over.name() != null ? over.name() : base.name(),
                over.ownerId() != null ? over.ownerId() : base.ownerId(),
                over.stage() != null ? over.stage() : base.stage(),
                over.amount() != null ? over.amount() : base.amount(),
                over.expectedCloseOn() != null ? over.expectedCloseOn() : base.expectedCloseOn(),
                over.probability() != null ? over.probability() : base.probability(),
                over.products() != null ? over.products() : base.products(),
                over.closeReason() != null ? over.closeReason() : base.closeReason());
    }

    /**
     * The draft with the fields cleared whose cells were emptied in an exported ledger; the name,
     * stage and owner stay (a deal always has them).
     */
    static OpportunityDraft cleared(OpportunityDraft d, Set<String> blank) {
        return new OpportunityDraft(d.customerId(), d.name(), d.ownerId(), d.stage(),
                blank.contains("amount") ? null : d.amount(),
                blank.contains("expectedCloseOn") ? null : d.expectedCloseOn(),
                d.probability(),
                blank.contains("products") ? null : d.products(),
                blank.contains("closeReason") ? null : d.closeReason());
    }
}
