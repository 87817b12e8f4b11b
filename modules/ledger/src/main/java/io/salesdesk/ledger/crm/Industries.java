package io.salesdesk.ledger.crm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The CRM's industry codes and the words ledgers use for them, both ways. */
final class Industries {

    private static final Map<String, String> CODE_BY_LABEL = new LinkedHashMap<>();

    static {
        CODE_BY_LABEL.put("医院", "HOSPITAL");
        CODE_BY_LABEL.put("基层医疗", "PRIMARY_CARE");
        CODE_BY_LABEL.put("诊所", "CLINIC");
        CODE_BY_LABEL.put("检验机构", "LAB");
        CODE_BY_LABEL.put("药房", "PHARMACY");
        CODE_BY_LABEL.put("经销商", "DISTRIBUTOR");
    }

    private Industries() {
    }

    /** The code of a label or code as written in a ledger; other text is kept as it is. */
    static String code(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        String code = CODE_BY_LABEL.get(stripped);
        if (code != null) {
            return code;
        }
        String upper = stripped.toUpperCase(Locale.ROOT);
        return CODE_BY_LABEL.containsValue(upper) ? upper : stripped;
    }

    /** The Chinese label of a code, for exported ledgers; other text as it is. */
    static String label(String code) {
        if (code == null) {
            return null;
        }
        return CODE_BY_LABEL.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
                .findFirst().orElse(code);
    }
}
