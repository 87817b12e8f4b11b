package io.salesdesk.commerce;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the commerce module ({@code io/salesdesk/commerce/messages*.properties}: Chinese is
 * the default bundle, English beside it). Refusals, freeze banners and stock-check texts are keys
 * here, so the window and the command line say them in the user's language.
 */
public final class CommerceMessages {

    /** The bundle's base name. */
    public static final String BUNDLE = "io.salesdesk.commerce.messages";

    private CommerceMessages() {
    }

    /** The text of a key in the locale (Chinese for any locale without its own bundle); the key if missing. */
    public static String text(Locale locale, String key, Object... arguments) {
        // No fall-back to the JVM's default locale: a Chinese user on an English machine reads Chinese.
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = words.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments == null || arguments.length == 0 ? pattern
                : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Whether the key has a text (the tests check every key the module throws). */
    public static boolean has(Locale locale, String key) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).containsKey(key);
    }
}
