package io.salesdesk.commerce.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The finance bundle speaks Chinese by default and English on request, with the same keys. */
class FinanceTextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("finance_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("finance.properties").stringPropertyNames());
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsThereWhenAsked() {
        assertThat(FinanceTexts.say(Locale.SIMPLIFIED_CHINESE, "milestone.DELIVERY")).isEqualTo("到货");
        assertThat(FinanceTexts.say(Locale.ENGLISH, "milestone.DELIVERY")).isEqualTo("delivery");
        assertThat(FinanceTexts.say(Locale.ENGLISH, "collection.payment.exceedsOpen", "500.00", "300.00", "HT-2026-0001"))
                .isEqualTo("A payment of 500.00 yuan is more than the 300.00 yuan still open on this receivable of"
                        + " contract HT-2026-0001; check the amount and enter it again");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = FinanceTexts.class.getResourceAsStream("/io/salesdesk/commerce/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
