package io.salesdesk.ledger.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in description of an opportunity ledger (商机台账): whose customer, what is being sold,
 * which stage it is in, how much and when it is expected to close, who works it and why it was won
 * or lost. A 金额(万元) header scales the amounts as the customer ledger's does.
 */
public final class OpportunityLedger {

    /** The opportunity entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("opportunities", "商机", "Opportunities", fields(),
            List.of(CustomerReference.NAME, "name"));

    private OpportunityLedger() {
    }

    private static List<LedgerField> fields() {
        List<LedgerField> fields = new ArrayList<>(CustomerReference.fields());
        fields.addAll(List.of(
                LedgerField.of("name", "商机名称", "Opportunity", FieldType.TEXT, true,
                        "商机", "机会名称", "销售机会", "项目名称", "项目", "Opportunity name", "Deal", "Deal name"),
                LedgerField.of("stage", "阶段", "Stage", FieldType.TEXT, false,
                        "销售阶段", "商机阶段", "当前阶段", "进展", "Sales stage"),
                LedgerField.of("amount", "金额", "Amount", FieldType.MONEY, false,
                        "预计金额", "商机金额", "预算", "预算金额", "报价金额", "Expected amount", "Deal amount"),
                LedgerField.of("expectedCloseOn", "预计成交日期", "Expected close", FieldType.DATE, false,
                        "预计成交时间", "预计签约日期", "预计签单日期", "成交日期", "Close date", "Expected close date"),
                LedgerField.of("probability", "赢率", "Probability", FieldType.TEXT, false,
                        "赢单率", "成交概率", "赢单概率", "概率", "把握", "Win probability", "Win rate"),
                LedgerField.of("products", "产品", "Products", FieldType.TEXT, false,
                        "意向产品", "产品名称", "涉及产品", "Product"),
                LedgerField.of("owner", "负责人", "Owner", FieldType.USER_REF, false,
                        "销售", "业务员", "跟进人", "销售负责人", "销售人员", "Sales rep", "Rep"),
                LedgerField.of("closeReason", "赢单/输单原因", "Won/lost reason", FieldType.TEXT, false,
                        "赢单原因", "输单原因", "赢输原因", "原因", "Close reason", "Reason")));
        fields.addAll(CustomerReference.exportColumns());
        return fields;
    }
}
