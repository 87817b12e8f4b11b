package io.salesdesk.crm.lead;

import io.salesdesk.db.custom.CustomValueFilter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a lead list shows.
 *
 * @param statuses  the statuses to show; null or empty for all
 * @param ownerId   only this rep's leads; null for everyone the viewer sees
 * @param unassignedOnly only leads without an owner
 * @param text      matched against name, contact, phone and address; may be null
 * @param customFilters conditions on the company's own lead fields, all of which must hold
 */
public record LeadFilter(Set<LeadStatus> statuses, UUID ownerId, boolean unassignedOnly, String text,
                         List<CustomValueFilter> customFilters) {

    public LeadFilter {
        customFilters = customFilters == null ? List.of() : List.copyOf(customFilters);
    }

    public LeadFilter(Set<LeadStatus> statuses, UUID ownerId, boolean unassignedOnly, String text) {
        this(statuses, ownerId, unassignedOnly, text, List.of());
    }

    public static LeadFilter all() {
        return new LeadFilter(null, null, false, null);
    }

    public static LeadFilter unassigned() {
        return new LeadFilter(Set.of(LeadStatus.NEW), null, true, null);
    }
}
