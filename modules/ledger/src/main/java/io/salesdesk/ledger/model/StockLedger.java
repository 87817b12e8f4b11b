package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The built-in description of a stock ledger (库存台账): one row per SKU and warehouse with what is
 * on hand and what is on its way, as a warehouse count or an ERP stock report lists it.
 */
public final class StockLedger {

    /** The stock entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("stock", "库存", "Stock", List.of(
            LedgerField.of("sku", "SKU", "SKU", FieldType.TEXT, true,
                    "SKU编码", "产品编码", "物料编码", "商品编码", "货号", "Product code", "Item code", "Item"),
            LedgerField.of("warehouse", "仓库", "Warehouse", FieldType.TEXT, true,
                    "仓库编码", "库房", "仓库代码", "Warehouse code"),
            LedgerField.of("onHand", "现有库存", "On hand", FieldType.DECIMAL, true,
                    "库存", "库存数量", "在库数量", "结存数量", "实存", "Quantity", "Qty", "Stock"),
            LedgerField.of("inbound", "在途数量", "Inbound", FieldType.DECIMAL, false,
                    "在途", "采购在途", "待到货", "On order"),
            LedgerField.of("eta", "预计到货", "ETA", FieldType.DATE, false,
                    "预计到货日期", "到货日期", "预计到货时间", "Expected arrival", "Arrival date")),
            List.of("sku", "warehouse"));

    private StockLedger() {
    }
}
