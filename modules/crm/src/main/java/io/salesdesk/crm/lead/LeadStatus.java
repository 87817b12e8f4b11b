package io.salesdesk.crm.lead;

import java.util.Set;

/**
 * Where a lead is on its way to a deal: new → assigned → contacted → qualified → converted, or
 * disqualified with a reason from any open status.
 */
public enum LeadStatus {
    NEW, ASSIGNED, CONTACTED, QUALIFIED, CONVERTED, DISQUALIFIED;

    /** Whether the lead is still being worked. */
    public boolean open() {
        return this != CONVERTED && this != DISQUALIFIED;
    }

    /** The statuses a user may move a lead to from this one by hand. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> Set.of(ASSIGNED, DISQUALIFIED);
            case ASSIGNED -> Set.of(CONTACTED, DISQUALIFIED);
            case CONTACTED -> Set.of(QUALIFIED, CONVERTED, DISQUALIFIED);
            case QUALIFIED -> Set.of(CONTACTED, CONVERTED, DISQUALIFIED);
            case CONVERTED -> Set.of();
            case DISQUALIFIED -> Set.of(ASSIGNED);
        };
    }
}
