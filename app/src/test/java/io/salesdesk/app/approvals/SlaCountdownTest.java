package io.salesdesk.app.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.salesdesk.app.common.I18n;

/** The time an approver has left, as the inbox shows it. */
class SlaCountdownTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    Locale before;

    @BeforeEach
    void chinese() {
        before = I18n.locale();
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restore() {
        I18n.setLocale(before);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            300,   还剩 5 小时,   false
            330,   还剩 5 小时,   false
            20,    还剩 20 分钟,  false
            -180,  已超时 3 小时, true
            -10,   已超时 10 分钟, true
            """)
    void countsHoursAndUnderAnHourMinutes(long minutesLeft, String text, boolean overdue) {
        OffsetDateTime due = OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plusMinutes(minutesLeft);

        assertThat(SlaCountdown.of(due, CLOCK)).isEqualTo(new SlaCountdown(text, overdue));
    }

    @Test
    void aStepWithoutTimeLimitShowsNothing() {
        assertThat(SlaCountdown.of(null, CLOCK)).isEqualTo(new SlaCountdown("", false));
    }
}
