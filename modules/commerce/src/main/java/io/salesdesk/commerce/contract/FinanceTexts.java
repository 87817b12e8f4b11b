package io.salesdesk.commerce.contract;

import io.salesdesk.core.SalesDeskException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of contracts, collections and costs, from {@code io/salesdesk/commerce/finance*.properties}
 * (Chinese in the base bundle, English in {@code _en}): the messages of the errors the finance
 * services raise and the texts the overdue scanner writes on escalations and in the inbox.
 */
public final class FinanceTexts {

    /** The bundle's base name. */
    public static final String BUNDLE = "io.salesdesk.commerce.finance";

    private FinanceTexts() {
    }

    /** The text of a key in the locale's language (Chinese unless English is asked for). */
    public static String say(Locale locale, String key, Object... arguments) {
        // No fall-back to the JVM's default locale: Chinese is the base bundle, whatever the machine says.
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = words.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Whether the bundle has the key (the app asks before falling back to its own texts). */
    public static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).containsKey(key);
    }

    /** What a finance error says, in the locale's language. */
    public static String message(Locale locale, SalesDeskException error) {
        return say(locale, error.messageKey(), error.arguments());
    }
}
