package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The built-in description of a lead ledger (线索台账): who is asking (a company or a person), how
 * to reach them, where they are, what they do, how promising they look and where the lead came
 * from. Trade-fair lists and purchased lists look like this.
 */
public final class LeadLedger {

    /** The lead entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("leads", "线索", "Leads", List.of(
            LedgerField.of("name", "名称", "Name", FieldType.TEXT, true,
                    "公司", "客户名称", "公司名称", "单位名称", "企业名称", "线索名称", "客户", "Company", "Lead", "Lead name"),
            LedgerField.of("contactName", "联系人", "Contact", FieldType.TEXT, false,
                    "联系人姓名", "对接人", "姓名", "Contact name", "Contact person"),
            // Text, not PHONE: the lead service normalises the number and refuses one it cannot read,
            // so a ledger row is checked exactly as the form is.
            LedgerField.of("phone", "电话", "Phone", FieldType.TEXT, false,
                    "手机", "联系电话", "手机号", "手机号码", "座机", "Tel", "Telephone", "Mobile"),
            LedgerField.of("address", "地址", "Address", FieldType.TEXT, false, "详细地址", "公司地址", "通讯地址"),
            LedgerField.of("region", "区域", "Region", FieldType.TEXT, false,
                    "地区", "所在地区", "所在区域", "行政区划", "区划代码", "Area"),
            LedgerField.of("industry", "行业", "Industry", FieldType.TEXT, false, "所属行业", "行业分类", "客户类型"),
            LedgerField.of("tier", "等级", "Tier", FieldType.ENUM, false, "客户等级", "级别", "客户级别", "Level")
                    .withEnumValues(CustomerLedger.TIERS),
            LedgerField.of("source", "来源", "Source", FieldType.TEXT, false, "线索来源", "渠道", "获客渠道", "Lead source"),
            LedgerField.of("note", "备注", "Note", FieldType.TEXT, false, "说明", "Notes", "Remark", "Remarks", "Comment")),
            List.of("name", "phone"));

    private LeadLedger() {
    }
}
