package io.salesdesk.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.salesdesk.commerce.contract.FinanceTexts;
import io.salesdesk.commerce.CommerceMessages;
import io.salesdesk.core.SalesDeskException;

/**
 * The user-facing texts of the client, from {@code io/salesdesk/app/messages*.properties}.
 * The locale is switched at run time from the settings page; views read texts when they are built,
 * so the main window rebuilds its pages after a switch.
 */
public final class I18n {

    private static final String BUNDLE = "io.salesdesk.app.messages";
    private static volatile Locale locale = Locale.SIMPLIFIED_CHINESE;
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    private static ResourceBundle load(Locale target) {
        // No fall-back to the JVM default locale: an English user on a Chinese machine gets English.
        return ResourceBundle.getBundle(BUNDLE, target, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale newLocale) {
        locale = newLocale;
        bundle = load(newLocale);
    }

    /** Whether the language in use is Chinese. */
    public static boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }

    /**
     * The text for a key with {@link MessageFormat} arguments; a key the client's bundle lacks is
     * looked up in the commerce module's own bundle (its refusals and import problems), else the
     * key itself is returned.
     */
    public static String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // The commerce module keeps its words in its own bundles.
            if (CommerceMessages.has(locale, key)) {
                return CommerceMessages.text(locale, key, arguments);
            }
            return FinanceTexts.has(key) ? FinanceTexts.say(locale, key, arguments == null ? new Object[0] : arguments)
                    : key;
        }
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    public static boolean has(String key) {
        return bundle.containsKey(key) || CommerceMessages.has(locale, key) || FinanceTexts.has(key);
    }

    /** The label of an enum constant, e.g. {@code tier.A} or {@code activityKind.VISIT}. */
    public static String label(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }

    /** What a domain error says, in the user's language. */
    public static String message(Throwable error) {
        if (error instanceof SalesDeskException domain) {
            return get(domain.messageKey(), domain.arguments());
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return get("error.unexpected", detail);
    }
}
