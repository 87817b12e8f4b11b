package io.salesdesk.app.common;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Language and theme, stored under the user's preferences node {@code io/salesdesk/app} as soon as
 * they change. The default language follows the OS: Chinese for zh, English otherwise.
 */
public final class AppearancePreferences {

    private static final Logger LOG = LoggerFactory.getLogger(AppearancePreferences.class);
    private static final String NODE = "io/salesdesk/app";

    /** The languages of the client. */
    public enum Language {
        CHINESE(Locale.SIMPLIFIED_CHINESE), ENGLISH(Locale.ENGLISH);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }

        public static Language forLocale(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
        }
    }

    /** Light or dark theme (AtlantaFX Primer). */
    public enum Theme {
        LIGHT, DARK
    }

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final Preferences node;

    private AppearancePreferences(Preferences node, Locale osLocale) {
        this.node = node;
        language.set(read("language", Language.class, Language.forLocale(osLocale)));
        theme.set(read("theme", Theme.class, Theme.LIGHT));
        language.addListener((obs, old, now) -> store("language", now));
        theme.addListener((obs, old, now) -> store("theme", now));
    }

    /** The stored appearance of this OS user. */
    public static AppearancePreferences load() {
        return new AppearancePreferences(Preferences.userRoot().node(NODE), Locale.getDefault());
    }

    /** For tests: a given node and OS locale. */
    public static AppearancePreferences load(Preferences node, Locale osLocale) {
        return new AppearancePreferences(node, osLocale);
    }

    private <E extends Enum<E>> E read(String key, Class<E> type, E fallback) {
        String stored = node.get(key, null);
        if (stored == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring unknown {} preference {}", key, stored);
            return fallback;
        }
    }

    private void store(String key, Enum<?> value) {
        node.put(key, value.name());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not store the {} preference", key, e);
        }
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language getLanguage() {
        return language.get();
    }

    public void setLanguage(Language value) {
        language.set(value);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme value) {
        theme.set(value);
    }
}
