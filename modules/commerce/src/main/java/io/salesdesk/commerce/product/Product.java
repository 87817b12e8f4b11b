package io.salesdesk.commerce.product;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product of the catalogue.
 *
 * @param id        id
 * @param sku       the SKU code, unique
 * @param name      name, e.g. 多参数监护仪 M8
 * @param category  category, e.g. 监护仪: an order freeze holds one category
 * @param unit      unit sold, e.g. 台, 盒
 * @param listPrice list price in yuan
 * @param costPrice cost price in yuan (quote margins)
 * @param active    whether it is still sold
 * @param version   optimistic-lock version
 */
public record Product(UUID id, String sku, String name, String category, String unit, BigDecimal listPrice,
                      BigDecimal costPrice, boolean active, long version) {

    /** The editable fields, as a form starts from them. */
    public ProductDraft toDraft() {
        return new ProductDraft(sku, name, category, unit, listPrice, costPrice);
    }
}
