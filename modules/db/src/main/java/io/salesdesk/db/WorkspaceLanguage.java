package io.salesdesk.db;

import java.util.Locale;

/**
 * The language SalesDesk writes in for everyone: the inbox messages, reminders, escalations and
 * coaching prompts its timers make. It is one setting of the workspace, so that a message does not
 * come out in whatever language the computer that happened to run a timer is set to.
 */
public final class WorkspaceLanguage {

    static final String KEY = "workspace.language";

    private WorkspaceLanguage() {
    }

    /**
     * The workspace's language; a workspace without one takes {@code fallback} (the language of the
     * first client that opens it) and keeps it, so every later client writes in the same language.
     */
    public static Locale settle(Database db, Locale fallback) {
        return db.transactionResult(cfg -> {
            WorkspaceSettings settings = WorkspaceSettings.using(cfg);
            Locale current = settings.get(KEY).map(WorkspaceLanguage::supported).orElse(null);
            if (current != null) {
                return current;
            }
            Locale chosen = supported(fallback.toLanguageTag());
            settings.put(KEY, chosen.toLanguageTag());
            return chosen;
        });
    }

    /** Changes the workspace's language (Chinese or English); timers write in it from their next start. */
    public static Locale set(Database db, Locale language) {
        Locale chosen = supported(language.toLanguageTag());
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(KEY, chosen.toLanguageTag()));
        return chosen;
    }

    /** Simplified Chinese for any Chinese, English for anything else: the languages SalesDesk speaks. */
    private static Locale supported(String tag) {
        return "zh".equals(Locale.forLanguageTag(tag).getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
