package io.salesdesk.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The org tree, the users and the custom field definitions as the hub holds them, column name →
 * value, so that a replica can write rows that name an owner or carry custom values, and the
 * passwords of the users in the replica's subtree, so that they sign in there as at the head office,
 * and the product catalogue, so that quotes and a deal's product lines can be priced offline, and the
 * warehouses with their stock, so that a deal's stock check offline sees the head office's levels as
 * of this sync.
 * Copied whole: these are small tables.
 *
 * @param orgUnits     org units, parents before children
 * @param users        users
 * @param customFields custom field definitions, retired ones too: defined at the hub only, they
 *                     reach a replica before any value of theirs
 * @param credentials  the passwords of the users whose org unit lies in the replica's subtree
 * @param products     the product catalogue, retired and deleted products too (a quote may name them):
 *                     edited at the hub only
 * @param substitutes  every product's ranked substitutes (product_id, substitute_id, sort_rank)
 * @param warehouses   every warehouse, closed ones too (a stock row may name them): managed at the hub only
 * @param warehouseRegions the regions each warehouse serves (warehouse_id, region_code)
 * @param stock        every stock row (product and warehouse, on hand, reserved, inbound): kept at the hub only
 */
public record Directory(List<Map<String, Object>> orgUnits, List<Map<String, Object>> users,
                        List<Map<String, Object>> customFields, List<Password> credentials,
                        List<Map<String, Object>> products, List<Map<String, Object>> substitutes,
                        List<Map<String, Object>> warehouses, List<Map<String, Object>> warehouseRegions,
                        List<Map<String, Object>> stock) {

    /**
     * A user's password as the hub holds it. The failure count, lockout and last sign-in are not
     * here: they belong to the computer the user signs in on.
     *
     * @param userId            the user
     * @param passwordHash      encoded Argon2id hash
     * @param mustChange        an admin set it and the user is to choose another
     * @param passwordChangedAt when it was set at the hub
     * @param version           the hub row's version
     */
    public record Password(UUID userId, String passwordHash, boolean mustChange, OffsetDateTime passwordChangedAt,
                           long version) {

        /** Without the hash, which must not reach a log. */
        @Override
        public String toString() {
            return "Password[userId=" + userId + ", mustChange=" + mustChange + ", passwordChangedAt="
                    + passwordChangedAt + ", version=" + version + "]";
        }
    }
}
