package io.salesdesk.sync;

import java.util.List;
import java.util.Map;

/**
 * The org tree and the users as the hub holds them, column name → value, so that a replica can
 * write rows that name an owner. Copied whole: these are small tables.
 *
 * @param orgUnits org units, parents before children
 * @param users    users
 */
public record Directory(List<Map<String, Object>> orgUnits, List<Map<String, Object>> users) {
}
