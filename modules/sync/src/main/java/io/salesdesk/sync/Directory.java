package io.salesdesk.sync;

import java.util.List;
import java.util.Map;

/**
 * The org tree, the users and the custom field definitions as the hub holds them, column name →
 * value, so that a replica can write rows that name an owner or carry custom values. Copied whole:
 * these are small tables.
 *
 * @param orgUnits     org units, parents before children
 * @param users        users
 * @param customFields custom field definitions, retired ones too: defined at the hub only, they
 *                     reach a replica before any value of theirs
 */
public record Directory(List<Map<String, Object>> orgUnits, List<Map<String, Object>> users,
                        List<Map<String, Object>> customFields) {
}
