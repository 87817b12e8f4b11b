package io.salesdesk.app.ledgers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.salesdesk.app.common.I18n;

/** Every entity the Ledgers page offers has its own words for what differs between entities. */
class EntityTextsTest {

    private static final List<String> PER_ENTITY = List.of("ledgers.export.fileName", "ledgers.export.done",
            "ledgers.import.entityHint", "ledgers.history.undoConfirm", "ledgers.duplicates.title",
            "ledgers.duplicates.name", "ledgers.commit.doneHint");

    @AfterEach
    void backToChinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyRegisteredEntityHasItsTexts(String language) {
        I18n.setLocale(Locale.forLanguageTag(language));
        for (String entity : List.of("customers", "contacts", "activities", "users")) {
            for (String key : PER_ENTITY) {
                assertThat(I18n.has(key + "." + entity)).as(key + "." + entity + " in " + language).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers", "contacts", "activities", "users"})
    void exportFileNamesCarryTheDate(String entity) {
        assertThat(EntityTexts.get("ledgers.export.fileName", entity, "2026-11-27")).endsWith("-2026-11-27.xlsx");
    }
}
