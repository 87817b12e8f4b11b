/**
 * The territory map's logic, free of JavaFX: regions and offline address parsing, territories
 * (sets of region codes owned by a team or rep), clustering and heat for the map layers, and
 * demand surges with a suggested, temporary reallocation of reps.
 */
package io.salesdesk.territory;
