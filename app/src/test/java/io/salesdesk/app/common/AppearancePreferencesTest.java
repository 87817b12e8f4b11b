package io.salesdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppearancePreferencesTest {

    private final Preferences node = Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void chineseOsStartsInChinese() {
        assertThat(AppearancePreferences.load(node, Locale.TRADITIONAL_CHINESE).getLanguage())
                .isEqualTo(AppearancePreferences.Language.CHINESE);
    }

    @Test
    void otherOsLanguagesStartInEnglish() {
        assertThat(AppearancePreferences.load(node, Locale.GERMANY).getLanguage())
                .isEqualTo(AppearancePreferences.Language.ENGLISH);
    }

    @Test
    void choicesAreStoredAndReadBack() {
        AppearancePreferences first = AppearancePreferences.load(node, Locale.CHINA);
        first.setLanguage(AppearancePreferences.Language.ENGLISH);
        first.setTheme(AppearancePreferences.Theme.DARK);

        AppearancePreferences again = AppearancePreferences.load(node, Locale.CHINA);

        assertThat(again.getLanguage()).isEqualTo(AppearancePreferences.Language.ENGLISH);
        assertThat(again.getTheme()).isEqualTo(AppearancePreferences.Theme.DARK);
    }
}
