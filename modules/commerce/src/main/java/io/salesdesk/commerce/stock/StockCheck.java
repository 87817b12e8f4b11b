package io.salesdesk.commerce.stock;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The stock check of an opportunity's products in the warehouses serving its customer, as kept
 * with the opportunity and shown in its form.
 *
 * @param opportunityId the opportunity, null for a preview of unsaved lines
 * @param regionCode    the customer's region the check used
 * @param checkedAt     when
 * @param checkedBy     who ran it (saving the lines), may be null
 * @param hasShortage   the verdict: some SKU is short
 * @param lines         one per SKU, in the order the lines first name them
 */
public record StockCheck(UUID opportunityId, String regionCode, OffsetDateTime checkedAt, UUID checkedBy,
                         boolean hasShortage, List<LineCheck> lines) {

    public StockCheck {
        lines = List.copyOf(lines);
    }

    /** The short SKUs. */
    public List<LineCheck> shortLines() {
        return lines.stream().filter(LineCheck::isShort).toList();
    }
}
