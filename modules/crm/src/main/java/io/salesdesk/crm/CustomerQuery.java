package io.salesdesk.crm;

import java.util.UUID;

/**
 * What the customer list shows: search text, filters and sort.
 *
 * @param text         matched against name, phone and credit code; blank for all
 * @param tier         only this tier, or null
 * @param regionPrefix GB/T 2260 code prefix (2 digits a province, 4 a city, 6 a county), or null
 * @param ownerId      only this owner, or null
 * @param sort         sort column
 * @param ascending    sort direction
 */
public record CustomerQuery(String text, Tier tier, String regionPrefix, UUID ownerId, Sort sort, boolean ascending) {

    /** Columns the list can sort by. */
    public enum Sort {
        NAME, TIER, REGION, OWNER, LAST_FOLLOW_UP, NEXT_FOLLOW_UP, UPDATED
    }

    /** Every visible customer, by name. */
    public static CustomerQuery all() {
        return new CustomerQuery("", null, null, null, Sort.NAME, true);
    }

    public CustomerQuery withText(String newText) {
        return new CustomerQuery(newText, tier, regionPrefix, ownerId, sort, ascending);
    }

    public CustomerQuery withTier(Tier newTier) {
        return new CustomerQuery(text, newTier, regionPrefix, ownerId, sort, ascending);
    }

    public CustomerQuery withRegionPrefix(String newPrefix) {
        return new CustomerQuery(text, tier, newPrefix, ownerId, sort, ascending);
    }

    public CustomerQuery withOwner(UUID newOwner) {
        return new CustomerQuery(text, tier, regionPrefix, newOwner, sort, ascending);
    }

    public CustomerQuery sortedBy(Sort newSort, boolean newAscending) {
        return new CustomerQuery(text, tier, regionPrefix, ownerId, newSort, newAscending);
    }
}
