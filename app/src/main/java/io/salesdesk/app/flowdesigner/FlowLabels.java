package io.salesdesk.app.flowdesigner;

import java.util.List;

import io.salesdesk.app.common.I18n;

/** What the user calls a trigger and a field: 合同提交, 金额. Shared by the designer, the settings list and the command line. */
public final class FlowLabels {

    private FlowLabels() {
    }

    /** 合同提交 / Contract submission; "entity · action" for a trigger without a label yet. */
    public static String trigger(String entity, String action) {
        String key = "flowdesigner.trigger." + entity + "." + action;
        return I18n.has(key) ? I18n.get(key) : entity + " · " + action;
    }

    /**
     * A field's label: {@code approval.field.<entity>.<name>} (the triggers' convention), else the
     * designer's own {@code flowdesigner.field.<entity>.<name>}, else the field's name.
     */
    public static String field(String entity, String field) {
        if (field == null) {
            return "";
        }
        for (String prefix : List.of("approval.field.", "flowdesigner.field.")) {
            String key = prefix + entity + "." + field;
            if (I18n.has(key)) {
                return I18n.get(key);
            }
        }
        return field;
    }
}
