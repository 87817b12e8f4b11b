package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The built-in description of a customer ledger (客户台账): the columns sales teams keep in Excel
 * and the many names they give them.
 */
public final class CustomerLedger {

    /** Key of the hidden id column of exported ledgers. */
    public static final String ID = "id";
    /** Key of the hidden version column of exported ledgers. */
    public static final String VERSION = "version";

    /** Tiers as the CRM stores them, with the words ledgers use for them (the lead ledger uses them too). */
    static final String[] TIERS = {"A=重点客户", "B=一般客户", "C=潜在客户", "D=流失客户"};

    /** The customer entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("customers", "客户", "Customers", List.of(
            LedgerField.of("name", "客户名称", "Customer name", FieldType.TEXT, true,
                    "公司名称", "单位名称", "企业名称", "客户", "客户全称", "Customer", "Company", "Company name", "Account"),
            LedgerField.of("creditCode", "统一社会信用代码", "Credit code", FieldType.CREDIT_CODE, false,
                    "信用代码", "社会信用代码", "税号", "纳税人识别号", "USCC", "Tax ID"),
            LedgerField.of("tier", "客户等级", "Tier", FieldType.ENUM, false, "等级", "级别", "客户级别", "Level")
                    .withEnumValues(TIERS),
            LedgerField.of("industry", "行业", "Industry", FieldType.TEXT, false, "客户类型", "所属行业", "行业分类"),
            LedgerField.of("province", "省份", "Province", FieldType.REGION, false, "省", "所在省份", "省/直辖市"),
            LedgerField.of("city", "城市", "City", FieldType.REGION, false, "市", "地市", "所在城市"),
            LedgerField.of("district", "区县", "District", FieldType.REGION, false, "区", "县", "区/县", "County"),
            LedgerField.of("address", "地址", "Address", FieldType.TEXT, false, "详细地址", "公司地址", "办公地址", "通讯地址"),
            LedgerField.of("phone", "电话", "Phone", FieldType.PHONE, false,
                    "联系电话", "座机", "公司电话", "办公电话", "手机", "Tel", "Telephone"),
            LedgerField.of("contactName", "联系人", "Contact", FieldType.TEXT, false,
                    "联系人姓名", "对接人", "Contact name", "Contact person"),
            LedgerField.of("contactMobile", "联系人手机", "Contact mobile", FieldType.PHONE, false,
                    "手机号", "手机号码", "联系人电话", "Mobile"),
            LedgerField.of("owner", "负责人", "Owner", FieldType.USER_REF, false,
                    "销售", "业务员", "客户经理", "销售负责人", "跟进人", "Sales rep", "Account manager"),
            LedgerField.of("lastFollowUp", "最近跟进", "Last follow-up", FieldType.DATETIME, false,
                    "最后联系时间", "最近跟进时间", "最后跟进", "跟进日期", "Last contact"),
            LedgerField.of("amount", "金额", "Amount", FieldType.MONEY, false,
                    "合同金额", "签约金额", "成交金额", "销售额", "Contract amount"),
            LedgerField.of("signedOn", "签约日期", "Signed on", FieldType.DATE, false,
                    "日期", "签订日期", "合同日期", "成交日期", "Date", "Signed date"),
            // Map position and pain-point tags (territory map); tags separated by 、 , ， or ;.
            LedgerField.of("longitude", "经度", "Longitude", FieldType.DECIMAL, false, "Lng", "Lon"),
            LedgerField.of("latitude", "纬度", "Latitude", FieldType.DECIMAL, false, "Lat"),
            LedgerField.of("tags", "标签", "Tags", FieldType.TEXT, false, "客户标签", "痛点", "Tag"),
            LedgerField.of("note", "备注", "Note", FieldType.TEXT, false, "说明", "Notes", "Remark", "Remarks", "Comment"),
            // The hidden columns of an exported ledger, so editing it in Excel and importing it
            // back updates the same customers. Distinctive names: ledgers have "编号" columns of their own.
            LedgerField.of(ID, "SalesDesk ID", "SalesDesk ID", FieldType.TEXT, false),
            LedgerField.of(VERSION, "SalesDesk 版本", "SalesDesk version", FieldType.INTEGER, false)),
            List.of("creditCode", "name"));

    private CustomerLedger() {
    }
}
