package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.commerce.product.ProductDraft;

/**
 * A version of a product as field name → text for the field-by-field merge, named as the change log
 * names them, prices without trailing zeros so a typed 38000 and a saved 38000.00 compare equal; and
 * back; and the fields in words, prices in yuan.
 */
final class ProductVersions {

    private static final Map<String, String> LABELS = Map.of("sku", "products.form.sku",
            "name", "products.form.name", "category", "products.form.category", "unit", "products.form.unit",
            "listPrice", "products.form.listPrice", "costPrice", "products.form.costPrice");

    private ProductVersions() {
    }

    static Map<String, String> fields(ProductDraft d) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sku", d.sku());
        fields.put("name", d.name());
        fields.put("category", d.category());
        fields.put("unit", d.unit());
        fields.put("listPrice", price(d.listPrice()));
        fields.put("costPrice", price(d.costPrice()));
        return fields;
    }

    static ProductDraft draft(Map<String, String> f) {
        return new ProductDraft(f.get("sku"), f.get("name"), f.get("category"), f.get("unit"),
                f.get("listPrice") == null ? null : new BigDecimal(f.get("listPrice")),
                f.get("costPrice") == null ? null : new BigDecimal(f.get("costPrice")));
    }

    static MergeFields mergeFields(AppContext context) {
        return new MergeFields(context, null, LABELS, (name, value) -> value == null || value.isEmpty() ? null
                : name.endsWith("Price") ? Columns.yuan(new BigDecimal(value)) : value);
    }

    private static String price(BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros().toPlainString();
    }
}
