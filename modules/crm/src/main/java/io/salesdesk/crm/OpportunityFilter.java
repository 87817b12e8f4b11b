package io.salesdesk.crm;

import java.util.Set;
import java.util.UUID;

/**
 * Which opportunities a board or list shows, on top of what the viewer may see.
 *
 * @param ownerIds     only these owners; null for all the viewer sees
 * @param regionPrefix only customers whose region code starts with this (e.g. {@code 33} for 浙江); null for all
 * @param products     only deals whose products mention this text (a product line); null for all
 * @param text         deal or customer name contains this; null for all
 * @param tier         only customers of this tier; null for all
 */
public record OpportunityFilter(Set<UUID> ownerIds, String regionPrefix, String products, String text, Tier tier) {

    /** Everything the viewer may see. */
    public static OpportunityFilter all() {
        return new OpportunityFilter(null, null, null, null, null);
    }
}
