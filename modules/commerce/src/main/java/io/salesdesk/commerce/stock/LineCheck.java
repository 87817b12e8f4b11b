package io.salesdesk.commerce.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The stock check of one SKU of an opportunity (its lines of that product added up).
 *
 * @param quantity    wanted
 * @param available   on hand minus reserved over the customer's serving warehouses
 * @param shortage    wanted minus available, zero when covered
 * @param inbound     expected to arrive in those warehouses
 * @param earliestEta when the first of it is expected, null if nothing is
 * @param substitutes when short: the ranked substitutes with their stock; empty otherwise
 */
public record LineCheck(UUID productId, String sku, String name, String category, BigDecimal quantity,
                        BigDecimal available, BigDecimal shortage, BigDecimal inbound, LocalDate earliestEta,
                        List<SubstituteOption> substitutes) {

    public LineCheck {
        substitutes = substitutes == null ? List.of() : List.copyOf(substitutes);
    }

    public boolean isShort() {
        return shortage.signum() > 0;
    }
}
