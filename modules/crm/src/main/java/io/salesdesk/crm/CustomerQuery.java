package io.salesdesk.crm;

import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.db.custom.CustomValueSort;
import java.util.List;
import java.util.UUID;

/**
 * What the customer list shows: search text, filters and sort.
 *
 * @param text         matched against name, phone and credit code; blank for all
 * @param tier         only this tier, or null
 * @param regionPrefix GB/T 2260 code prefix (2 digits a province, 4 a city, 6 a county), or null
 * @param ownerId      only this owner, or null
 * @param sort         sort column, unless {@code customSort} is set
 * @param ascending    sort direction
 * @param customFilters conditions on custom fields, all of which must hold
 * @param customSort   a custom field to sort by instead of {@code sort}, or null
 */
public record CustomerQuery(String text, Tier tier, String regionPrefix, UUID ownerId, Sort sort, boolean ascending,
                            List<CustomValueFilter> customFilters, CustomValueSort customSort) {

    public CustomerQuery {
        customFilters = List.copyOf(customFilters);
    }

    /** A query on the customers' own fields only. */
    public CustomerQuery(String text, Tier tier, String regionPrefix, UUID ownerId, Sort sort, boolean ascending) {
        this(text, tier, regionPrefix, ownerId, sort, ascending, List.of(), null);
    }

    /** Whether it filters or sorts by custom fields. */
    public boolean usesCustomFields() {
        return !customFilters.isEmpty() || customSort != null;
    }

    /** Columns the list can sort by. */
    public enum Sort {
        NAME, TIER, REGION, OWNER, LAST_FOLLOW_UP, NEXT_FOLLOW_UP, UPDATED
    }

    /** Every visible customer, by name. */
    public static CustomerQuery all() {
        return new CustomerQuery("", null, null, null, Sort.NAME, true);
    }

    public CustomerQuery withText(String newText) {
        return new CustomerQuery(newText, tier, regionPrefix, ownerId, sort, ascending, customFilters, customSort);
    }

    public CustomerQuery withTier(Tier newTier) {
        return new CustomerQuery(text, newTier, regionPrefix, ownerId, sort, ascending, customFilters, customSort);
    }

    public CustomerQuery withRegionPrefix(String newPrefix) {
        return new CustomerQuery(text, tier, newPrefix, ownerId, sort, ascending, customFilters, customSort);
    }

    public CustomerQuery withOwner(UUID newOwner) {
        return new CustomerQuery(text, tier, regionPrefix, newOwner, sort, ascending, customFilters, customSort);
    }

    /** Sorted by one of the customer's own columns (and no longer by a custom field). */
    public CustomerQuery sortedBy(Sort newSort, boolean newAscending) {
        return new CustomerQuery(text, tier, regionPrefix, ownerId, newSort, newAscending, customFilters, null);
    }

    /** Sorted by a custom field. */
    public CustomerQuery sortedBy(CustomValueSort newSort, boolean newAscending) {
        return new CustomerQuery(text, tier, regionPrefix, ownerId, sort, newAscending, customFilters, newSort);
    }

    public CustomerQuery withCustomFilters(List<CustomValueFilter> filters) {
        return new CustomerQuery(text, tier, regionPrefix, ownerId, sort, ascending, filters, customSort);
    }
}
