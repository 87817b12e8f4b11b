package io.salesdesk.ledger.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in description of a follow-up ledger (跟进记录): whose customer, when, how (电话、拜访…),
 * what was said, who followed up and what comes next.
 */
public final class ActivityLedger {

    /** The follow-up entity. */
    public static final LedgerEntity ENTITY = new LedgerEntity("activities", "跟进记录", "Follow-ups", fields(),
            List.of(CustomerReference.NAME, "occurredAt", "kind", "note"));

    private ActivityLedger() {
    }

    private static List<LedgerField> fields() {
        List<LedgerField> fields = new ArrayList<>(CustomerReference.fields());
        fields.addAll(List.of(
                LedgerField.of("occurredAt", "跟进时间", "Time", FieldType.DATETIME, true,
                        "跟进日期", "日期", "时间", "拜访时间", "拜访日期", "联系时间", "联系日期", "沟通时间",
                        "Date", "Follow-up date", "Follow-up time"),
                LedgerField.of("kind", "跟进方式", "Kind", FieldType.TEXT, false,
                        "跟进类型", "方式", "类型", "拜访方式", "沟通方式", "Type", "Follow-up type"),
                LedgerField.of("note", "跟进内容", "Content", FieldType.TEXT, false,
                        "内容", "跟进记录", "沟通内容", "拜访内容", "跟进情况", "情况说明", "备注", "Note", "Notes", "Details"),
                LedgerField.of("contact", "联系人", "Contact", FieldType.TEXT, false,
                        "拜访对象", "对接人", "Contact person"),
                LedgerField.of("owner", "跟进人", "Owner", FieldType.USER_REF, false,
                        "销售", "业务员", "负责人", "销售人员", "拜访人", "Sales rep", "Rep"),
                LedgerField.of("durationMinutes", "时长(分钟)", "Duration (minutes)", FieldType.INTEGER, false,
                        "时长", "通话时长", "分钟", "Duration"),
                LedgerField.of("outcome", "跟进结果", "Outcome", FieldType.TEXT, false,
                        "结果", "效果", "客户反馈", "Result"),
                LedgerField.of("nextStep", "下一步", "Next step", FieldType.TEXT, false,
                        "下一步计划", "后续计划", "后续安排", "下步计划"),
                LedgerField.of("nextFollowUpOn", "下次跟进时间", "Next follow-up", FieldType.DATE, false,
                        "下次跟进", "下次跟进日期", "下次联系时间", "下次拜访时间", "计划跟进日期", "Next follow-up date")));
        fields.addAll(CustomerReference.exportColumns());
        return fields;
    }
}
