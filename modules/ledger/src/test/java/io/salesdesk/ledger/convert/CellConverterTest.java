package io.salesdesk.ledger.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.CreditCode;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.CellValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellConverterTest {

    private static final LedgerField DATE = LedgerField.of("d", "日期", "Date", FieldType.DATE, false);
    private static final LedgerField DATETIME = LedgerField.of("t", "时间", "Time", FieldType.DATETIME, false);
    private static final LedgerField MONEY = LedgerField.of("m", "金额", "Amount", FieldType.MONEY, false);
    private static final LedgerField INTEGER = LedgerField.of("i", "数量", "Count", FieldType.INTEGER, false);
    private static final LedgerField BOOLEAN = LedgerField.of("b", "是否", "Flag", FieldType.BOOLEAN, false);

    private final CellConverter converter = new CellConverter(ConversionContext.DEFAULT);

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2025/11/3,        2025-11-03
            2025-11-03,       2025-11-03
            2025.11.3,        2025-11-03
            2025年11月3日,     2025-11-03
            ２０２５年１１月３日, 2025-11-03
            20251103,         2025-11-03
            2025/11/3 9:30,   2025-11-03
            """)
    void readsDateTexts(String text, LocalDate expected) {
        assertThat(converter.convert(CellValue.text(text), DATE, BigDecimal.ONE).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2025-11-03 09:30,        2025-11-03T09:30
            2025/11/3 9:30:15,       2025-11-03T09:30:15
            2025年11月3日 14时05分,   2025-11-03T14:05
            2025-11-03T08:00:00,     2025-11-03T08:00
            2025-11-03,              2025-11-03T00:00
            """)
    void readsDateTimeTexts(String text, LocalDateTime expected) {
        assertThat(converter.convert(CellValue.text(text), DATETIME, BigDecimal.ONE).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            45964,   false, 2025-11-03
            44197,   false, 2021-01-01
            42735,   true,  2021-01-01
            45964.5, false, 2025-11-03
            """)
    void readsExcelSerialNumbersInBothDateSystems(BigDecimal serial, boolean date1904, LocalDate expected) {
        CellConverter workbook = new CellConverter(new ConversionContext(date1904, DateOrder.YEAR_FIRST));

        assertThat(workbook.convert(CellValue.number(serial), DATE, BigDecimal.ONE).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            11/3/2025, MONTH_FIRST, 2025-11-03
            3/11/2025, DAY_FIRST,   2025-11-03
            """)
    void readsYearLastDatesOnlyWithAHint(String text, DateOrder order, LocalDate expected) {
        CellConverter hinted = new CellConverter(new ConversionContext(false, order));

        assertThat(hinted.convert(CellValue.text(text), DATE, BigDecimal.ONE).value()).isEqualTo(expected);
        assertThat(converter.convert(CellValue.text(text), DATE, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.NOT_A_DATE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2025-02-30
            明天
            13/45/2025
            """)
    void refusesTextsThatAreNoDates(String text) {
        Conversion conversion = converter.convert(CellValue.text(text), DATE, BigDecimal.ONE);

        assertThat(conversion.messageKey()).isEqualTo(Conversion.NOT_A_DATE);
        assertThat(conversion.args()).containsExactly(text);
    }

    @ParameterizedTest(name = "{0} ×{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ￥1,234.50   | 1     | 1234.5
            ¥ 1,234.50   | 1     | 1234.5
            1,234        | 1     | 1234
            １，２３４    | 1     | 1234
            12.5万       | 1     | 125000
            12.5万       | 10000 | 125000
            (1,234)      | 1     | -1234
            -88.8        | 1     | -88.8
            100元        | 1     | 100
            RMB 300      | 1     | 300
            12.5         | 10000 | 125000
            0.35         | 1000  | 350
            """)
    void readsAmountTextsWithTheColumnScale(String text, BigDecimal scale, BigDecimal expected) {
        Object value = converter.convert(CellValue.text(text), MONEY, scale).value();

        assertThat((BigDecimal) value).isEqualByComparingTo(expected);
    }

    @Test
    void scalesNumberCellsByTheColumnUnit() {
        Object value = converter.convert(CellValue.number(new BigDecimal("12.5")), MONEY, BigDecimal.valueOf(10_000)).value();

        assertThat((BigDecimal) value).isEqualByComparingTo("125000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            12,      12
            '1,200', 1200
            １２,    12
            """)
    void readsIntegers(String text, long expected) {
        assertThat(converter.convert(CellValue.text(text), INTEGER, BigDecimal.ONE).value()).isEqualTo(expected);
    }

    @Test
    void refusesFractionsForIntegers() {
        assertThat(converter.convert(CellValue.text("1.5"), INTEGER, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.NOT_AN_INTEGER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            是,    true
            否,    false
            Y,     true
            n,     false
            TRUE,  true
            false, false
            √,     true
            """)
    void readsBooleans(String text, boolean expected) {
        assertThat(converter.convert(CellValue.text(text), BOOLEAN, BigDecimal.ONE).value()).isEqualTo(expected);
    }

    @Test
    void normalisesPhoneNumbersAndReportsBadOnes() {
        LedgerField phone = CustomerLedger.ENTITY.field("phone").orElseThrow();

        assertThat(converter.convert(CellValue.text("+86 138 0013 8000"), phone, BigDecimal.ONE).value()).isEqualTo("13800138000");
        assertThat(converter.convert(CellValue.number(new BigDecimal("13800138000")), phone, BigDecimal.ONE).value())
                .isEqualTo("13800138000");
        assertThat(converter.convert(CellValue.text("12345"), phone, BigDecimal.ONE).messageKey()).isEqualTo(Conversion.BAD_PHONE);
    }

    @Test
    void checksCreditCodes() {
        LedgerField code = CustomerLedger.ENTITY.field("creditCode").orElseThrow();

        assertThat(converter.convert(CellValue.text("91330106 MA2XXXXX0X"), code, BigDecimal.ONE).messageKey())
                .isIn(Conversion.CREDIT_CODE_CHARACTER, Conversion.CREDIT_CODE_CHECK);
        assertThat(converter.convert(CellValue.text("9133"), code, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.CREDIT_CODE_LENGTH);
        String valid = CreditCode.withCheckDigit("91330106MA2B3C4D5");
        assertThat(converter.convert(CellValue.text("\u3000" + valid), code, BigDecimal.ONE).value()).isEqualTo(valid);
    }

    @Test
    void readsEnumValuesByValueOrLabel() {
        LedgerField tier = CustomerLedger.ENTITY.field("tier").orElseThrow();

        assertThat(converter.convert(CellValue.text("重点客户"), tier, BigDecimal.ONE).value()).isEqualTo("A");
        assertThat(converter.convert(CellValue.text("b"), tier, BigDecimal.ONE).value()).isEqualTo("B");
        assertThat(converter.convert(CellValue.text("C级"), tier, BigDecimal.ONE).value()).isEqualTo("C");
        assertThat(converter.convert(CellValue.text("VIP"), tier, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.UNKNOWN_ENUM_VALUE);
    }

    @Test
    void reportsErrorCellsAndKeepsBlanksEmpty() {
        assertThat(converter.convert(CellValue.error("#DIV/0!"), MONEY, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.ERROR_CELL);
        assertThat(converter.convert(CellValue.BLANK, MONEY, BigDecimal.ONE)).isEqualTo(Conversion.of(null));
    }

    @Test
    void checksEmailAddresses() {
        LedgerField email = LedgerField.of("email", "邮箱", "E-mail", FieldType.EMAIL, false);

        assertThat(converter.convert(CellValue.text(" Li.Lei@Example.COM "), email, BigDecimal.ONE).value())
                .isEqualTo("Li.Lei@example.com");
        assertThat(converter.convert(CellValue.text("li.lei@"), email, BigDecimal.ONE).messageKey())
                .isEqualTo(Conversion.BAD_EMAIL);
    }
}
