package io.salesdesk.ledger.crm;

import io.salesdesk.core.MatchText;
import io.salesdesk.crm.ActivityKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words ledgers use for how a follow-up happened (跟进方式), and the label exports write. */
final class ActivityKinds {

    private static final Map<String, ActivityKind> BY_WORD = new HashMap<>();
    private static final Map<ActivityKind, String> LABELS = Map.of(ActivityKind.CALL, "电话", ActivityKind.VISIT, "拜访",
            ActivityKind.MEETING, "会议", ActivityKind.DEMO, "演示", ActivityKind.NOTE, "备注");
    // Words found inside longer texts ("现场产品演示", "季度会议"), checked in this order.
    private static final List<Map.Entry<String, ActivityKind>> PARTS = List.of(Map.entry("演示", ActivityKind.DEMO),
            Map.entry("会议", ActivityKind.MEETING), Map.entry("拜访", ActivityKind.VISIT), Map.entry("上门", ActivityKind.VISIT),
            Map.entry("电话", ActivityKind.CALL));

    static {
        words(ActivityKind.CALL, "电话", "打电话", "电话沟通", "电话联系", "电联", "来电", "去电", "电话回访", "回访", "call",
                "phone", "phonecall");
        words(ActivityKind.VISIT, "拜访", "上门", "上门拜访", "面访", "面谈", "走访", "登门拜访", "visit");
        words(ActivityKind.MEETING, "会议", "开会", "会谈", "视频会议", "线上会议", "电话会议", "meeting");
        words(ActivityKind.DEMO, "演示", "产品演示", "现场演示", "试用", "demo");
        words(ActivityKind.NOTE, "备注", "记录", "其他", "其它", "微信", "短信", "邮件", "note", "other");
    }

    private ActivityKinds() {
    }

    /** The kind a ledger cell names, or {@code null} if it names none. */
    static ActivityKind of(String text) {
        String word = comparable(text);
        ActivityKind kind = BY_WORD.get(word);
        if (kind != null) {
            return kind;
        }
        for (ActivityKind k : ActivityKind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(word)) {
                return k;
            }
        }
        return PARTS.stream().filter(p -> word.contains(p.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The Chinese word for a kind, as exports write it. */
    static String label(ActivityKind kind) {
        return LABELS.get(kind);
    }

    /** The words the export offers in its drop-down. */
    static String[] labels() {
        return List.of(ActivityKind.values()).stream().map(LABELS::get).toArray(String[]::new);
    }

    private static void words(ActivityKind kind, String... words) {
        for (String word : words) {
            BY_WORD.put(word, kind);
        }
    }

    private static String comparable(String text) {
        return MatchText.key(text);
    }
}
