package io.salesdesk.ledger.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in description of a contact ledger (联系人台账): whose contact (客户名称), the person,
 * how to reach them, and whether they are the customer's main contact.
 */
public final class ContactLedger {

    /** The contact entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("contacts", "联系人", "Contacts", fields(),
            List.of(CustomerReference.NAME, "name"));

    private ContactLedger() {
    }

    private static List<LedgerField> fields() {
        List<LedgerField> fields = new ArrayList<>(CustomerReference.fields());
        fields.addAll(List.of(
                LedgerField.of("name", "联系人", "Contact", FieldType.TEXT, true,
                        "姓名", "联系人姓名", "联系人名称", "Name", "Contact name", "Contact person"),
                LedgerField.of("title", "职务", "Title", FieldType.TEXT, false,
                        "职位", "岗位", "头衔", "Position", "Job title"),
                LedgerField.of("mobile", "手机", "Mobile", FieldType.PHONE, false,
                        "手机号", "手机号码", "联系人手机", "移动电话", "Cell", "Mobile phone"),
                LedgerField.of("phone", "电话", "Phone", FieldType.PHONE, false,
                        "座机", "办公电话", "联系电话", "联系人电话", "固话", "Tel", "Telephone"),
                LedgerField.of("email", "邮箱", "E-mail", FieldType.EMAIL, false,
                        "电子邮箱", "电子邮件", "邮件", "Email", "Mail"),
                LedgerField.of("wechat", "微信", "WeChat", FieldType.TEXT, false, "微信号", "WeChat ID"),
                LedgerField.of("primary", "主要联系人", "Primary contact", FieldType.BOOLEAN, false,
                        "是否主要联系人", "主联系人", "首要联系人", "Primary", "Main contact"),
                LedgerField.of("notes", "备注", "Notes", FieldType.TEXT, false, "说明", "Note", "Remark", "Remarks",
                        "Comment")));
        fields.addAll(CustomerReference.exportColumns());
        return fields;
    }
}
