package io.salesdesk.ledger.crm;

import io.salesdesk.crm.lead.LeadDraft;
import java.util.UUID;

/**
 * What one lead row will write: the lead as the lead service checked it and, when it duplicates a
 * lead on record, that lead with the row's values written over it.
 */
final class LeadPlan {

    /** The row's values, validated; the source is 导入 when the row names none. */
    LeadDraft given;
    /** Whether the row names its source (else 导入, which an update does not write over the lead's own). */
    boolean sourceGiven;
    /** The lead on record with the row's values over it, when the row matches one. */
    LeadDraft updateDraft;
    UUID targetId;
    long expectedVersion;
    /** What commit writes: the given draft, the update draft, or either with later duplicates merged in. */
    LeadDraft writeDraft;
    UUID newId;

    /** The draft with every value {@code over} gives written over {@code base}. */
    static LeadDraft overlay(LeadDraft base, LeadDraft over) {
        return new LeadDraft(
                over.name() != null ? over.name() : base.name(),
                over.contactName() != null ? over.contactName() : base.contactName(),
                over.phone() != null ? over.phone() : base.phone(),
                over.address() != null ? over.address() : base.address(),
                over.regionCode() != null ? over.regionCode() : base.regionCode(),
                over.industry() != null ? over.industry() : base.industry(),
                over.tier() != null ? over.tier() : base.tier(),
                over.source() != null ? over.source() : base.source(),
                over.note() != null ? over.note() : base.note());
    }

    /**
     * The row's values without its name: a name that only matched once normalised ("康华 医院")
     * does not replace the name as written, nor the default source the one on record.
     */
    LeadDraft givenForUpdate() {
        LeadDraft g = given;
        return new LeadDraft(null, g.contactName(), g.phone(), g.address(), g.regionCode(), g.industry(), g.tier(),
                sourceGiven ? g.source() : null, g.note());
    }
}
