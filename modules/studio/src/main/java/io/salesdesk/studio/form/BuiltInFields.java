package io.salesdesk.studio.form;

import io.salesdesk.studio.field.CustomEntity;
import java.util.List;

/**
 * The fields each entity's form has of its own, in today's order, named as the entity's service names
 * them in its problems, so a layout and a refused save speak of the same field.
 */
public final class BuiltInFields {

    private static final List<PlaceableField> CUSTOMER = List.of(
            PlaceableField.builtIn("name", "客户名称", "Name", true, true),
            PlaceableField.builtIn("creditCode", "统一社会信用代码", "Unified social credit code", false, false),
            PlaceableField.builtIn("phone", "电话", "Phone", false, false),
            PlaceableField.builtIn("tier", "客户等级", "Tier", true, false),
            PlaceableField.builtIn("industry", "行业", "Industry", false, false),
            PlaceableField.builtIn("regionCode", "所在地区", "Region", false, true),
            PlaceableField.builtIn("address", "详细地址", "Street address", false, true),
            PlaceableField.builtIn("ownerId", "负责人", "Owner", false, false));

    private static final List<PlaceableField> CONTACT = List.of(
            PlaceableField.builtIn("name", "姓名", "Name", true, false),
            PlaceableField.builtIn("title", "职务", "Job title", false, false),
            PlaceableField.builtIn("mobile", "手机", "Mobile", false, false),
            PlaceableField.builtIn("phone", "座机", "Desk phone", false, false),
            PlaceableField.builtIn("email", "电子邮箱", "E-mail", false, false),
            PlaceableField.builtIn("wechat", "微信", "WeChat", false, false),
            PlaceableField.builtIn("primary", "主要联系人", "Main contact", false, true));

    private static final List<PlaceableField> LEAD = List.of(
            PlaceableField.builtIn("name", "线索名称", "Lead name", true, true),
            PlaceableField.builtIn("contactName", "联系人", "Contact", false, false),
            PlaceableField.builtIn("phone", "电话", "Phone", false, false),
            PlaceableField.builtIn("address", "地址", "Address", false, true),
            PlaceableField.builtIn("regionCode", "区域", "Region", false, true),
            PlaceableField.builtIn("industry", "行业", "Industry", false, false),
            PlaceableField.builtIn("tier", "预估等级", "Expected tier", false, false),
            PlaceableField.builtIn("source", "来源", "Source", false, false),
            PlaceableField.builtIn("note", "备注", "Note", false, true));

    private static final List<PlaceableField> OPPORTUNITY = List.of(
            PlaceableField.builtIn("customerId", "客户", "Customer", true, true),
            PlaceableField.builtIn("name", "商机名称", "Name", true, true),
            PlaceableField.builtIn("stage", "阶段", "Stage", true, false),
            PlaceableField.builtIn("probability", "赢率（%）", "Probability (%)", false, false),
            PlaceableField.builtIn("amount", "金额（元）", "Amount (yuan)", false, false),
            PlaceableField.builtIn("expectedCloseOn", "预计成交日期", "Expected close date", false, false),
            PlaceableField.builtIn("products", "产品", "Products", false, true),
            PlaceableField.builtIn("lines", "产品明细", "Product lines", false, true),
            PlaceableField.builtIn("ownerId", "负责人", "Owner", false, false),
            PlaceableField.builtIn("closeReason", "赢单 / 输单原因", "Won / lost reason", false, false));

    private BuiltInFields() {
    }

    /** Whether forms of the entity are laid out from a layout yet. */
    public static boolean designable(CustomEntity entity) {
        return !of(entity).isEmpty();
    }

    /** The entity's own fields in today's form order; empty for an entity whose form is not designable. */
    public static List<PlaceableField> of(CustomEntity entity) {
        return switch (entity) {
            case CUSTOMER -> CUSTOMER;
            case CONTACT -> CONTACT;
            case LEAD -> LEAD;
            case OPPORTUNITY -> OPPORTUNITY;
            default -> List.of();
        };
    }
}
