package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The built-in description of a product ledger (产品目录): SKU, name, category, unit, list and cost
 * price, as ERP exports and purchasing sheets have them.
 */
public final class ProductLedger {

    /** The product entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("products", "产品", "Products", List.of(
            LedgerField.of("sku", "SKU", "SKU", FieldType.TEXT, true,
                    "SKU编码", "产品编码", "物料编码", "商品编码", "货号", "型号编码", "Product code", "Item code", "Item"),
            LedgerField.of("name", "产品名称", "Product name", FieldType.TEXT, true,
                    "名称", "品名", "商品名称", "产品", "Name", "Product"),
            LedgerField.of("category", "类别", "Category", FieldType.TEXT, true,
                    "产品类别", "分类", "品类", "产品分类", "类目"),
            LedgerField.of("unit", "单位", "Unit", FieldType.TEXT, false, "计量单位", "UOM"),
            LedgerField.of("listPrice", "目录价", "List price", FieldType.MONEY, true,
                    "标准价", "销售价", "零售价", "报价", "单价", "Price"),
            LedgerField.of("costPrice", "成本价", "Cost price", FieldType.MONEY, true,
                    "成本", "进价", "采购价", "Cost")),
            List.of("sku"));

    private ProductLedger() {
    }
}
