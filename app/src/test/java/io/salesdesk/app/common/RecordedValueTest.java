package io.salesdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change record's times and dates (as a sync conflict shows them) read as the app shows them, in Beijing time. */
class RecordedValueTest {

    private Locale before;

    @BeforeEach
    void chinese() {
        before = I18n.locale();
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restore() {
        I18n.setLocale(before);
    }

    @Test
    void aTimeOfAChangeRecordIsShownInBeijingTime() {
        assertThat(Formats.recordedValue("2026-12-01T01:00Z")).isEqualTo("2026-12-01 09:00");
        assertThat(Formats.recordedValue("2026-11-30T17:30:15.250Z")).isEqualTo("2026-12-01 01:30");
    }

    @Test
    void aDateStaysADateAndTextThatOnlyLooksLikeOneIsLeftAlone() {
        assertThat(Formats.recordedValue("2026-12-01")).isEqualTo("2026-12-01");
        assertThat(Formats.recordedValue("2026-13-45")).isEqualTo("2026-13-45");
        assertThat(Formats.recordedValue("2026-12-01T 跟进会议纪要")).isEqualTo("2026-12-01T 跟进会议纪要");
        assertThat(Formats.recordedValue("021-77220000")).isEqualTo("021-77220000");
    }
}
