package io.salesdesk.ledger.crm;

import io.salesdesk.core.Role;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The words rosters use for a role (角色), in Chinese and English, and the label exports write. */
final class Roles {

    private static final Map<String, Role> BY_WORD = new HashMap<>();
    private static final Map<Role, String> LABELS = new EnumMap<>(Role.class);

    static {
        words(Role.REP, "销售", "销售代表", "业务员", "销售员", "客户经理", "rep", "sales", "salesrep");
        words(Role.MANAGER, "经理", "销售经理", "区域经理", "大区经理", "主管", "销售主管", "团队长", "组长", "manager");
        words(Role.GM, "总经理", "销售总监", "总监", "gm", "generalmanager");
        words(Role.FINANCE, "财务", "会计", "出纳", "finance");
        words(Role.LEGAL, "法务", "legal");
        words(Role.OPS, "运营", "销售运营", "商务", "ops", "operations");
        words(Role.ADMIN, "管理员", "系统管理员", "admin", "administrator");
        for (Role role : Role.values()) {
            BY_WORD.put(role.name().toLowerCase(Locale.ROOT), role);
        }
    }

    private Roles() {
    }

    /** The role a roster cell names, or {@code null} if it names none. */
    static Role of(String text) {
        return BY_WORD.get(Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s_-]+", "")
                .toLowerCase(Locale.ROOT));
    }

    /** The Chinese word for a role, as exports write it. */
    static String label(Role role) {
        return LABELS.get(role);
    }

    /** The words the export offers in its drop-down, one per role. */
    static String[] labels() {
        return LABELS.values().toArray(String[]::new);
    }

    private static void words(Role role, String... words) {
        LABELS.put(role, words[0]);
        for (String word : words) {
            BY_WORD.put(word, role);
        }
    }
}
