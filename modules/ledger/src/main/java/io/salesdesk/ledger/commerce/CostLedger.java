package io.salesdesk.ledger.commerce;

import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.util.List;

/**
 * The built-in description of a cost ledger (费用台账): when, what kind, how much, for which
 * customer or deal, through which channel, pre-sales hours and rate, measured or allocated.
 */
public final class CostLedger {

    /** The cost entity, key {@code costs}. */
    public static final LedgerEntity ENTITY = new LedgerEntity("costs", "费用", "Costs", List.of(
            LedgerField.of("incurredOn", "日期", "Date", FieldType.DATE, true,
                    "发生日期", "费用日期", "报销日期", "Incurred on"),
            LedgerField.of("kind", "费用类型", "Kind", FieldType.ENUM, true, "类型", "费用类别", "类别", "Type")
                    .withEnumValues("ACQUISITION=获客", "PRESALES=售前", "TRAVEL=差旅", "FULFILMENT=履约"),
            LedgerField.of("subkind", "费用细类", "Sub-kind", FieldType.ENUM, false, "细类", "明细类型", "Subkind")
                    .withEnumValues("CAMPAIGN=市场活动", "CHANNEL_FEE=渠道费", "SHIPPING=运费", "EMERGENCY_FREIGHT=加急运费"),
            LedgerField.of("amount", "金额", "Amount", FieldType.MONEY, false, "费用金额", "金额(元)", "费用"),
            LedgerField.of("customer", "客户名称", "Customer", FieldType.TEXT, false, "客户", "单位名称", "医院名称"),
            LedgerField.of("opportunity", "商机", "Opportunity", FieldType.TEXT, false, "商机名称", "项目", "项目名称",
                    "Deal"),
            LedgerField.of("channel", "渠道", "Channel", FieldType.TEXT, false, "获客渠道", "来源渠道", "来源"),
            LedgerField.of("hours", "工时", "Hours", FieldType.DECIMAL, false, "售前工时", "小时", "工时(小时)"),
            LedgerField.of("hourlyRate", "小时费率", "Hourly rate", FieldType.MONEY, false, "费率", "时薪", "Rate"),
            LedgerField.of("basis", "计量方式", "Basis", FieldType.ENUM, false, "口径", "实计/分摊")
                    .withEnumValues("MEASURED=实计", "ALLOCATED=分摊"),
            LedgerField.of("note", "备注", "Note", FieldType.TEXT, false, "说明", "摘要", "Notes")),
            List.of("incurredOn"));

    private CostLedger() {
    }
}
