package io.salesdesk.ledger.convert;

import io.salesdesk.core.CreditCode;
import io.salesdesk.core.MatchText;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.CellKind;
import io.salesdesk.ledger.read.CellValue;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a cell into the Java value of the field it is mapped to: {@code String} for text, phone,
 * credit code, e-mail, enum, region and user fields; {@code Long} for integers; {@code BigDecimal}
 * for decimals and money; {@code LocalDate}, {@code LocalDateTime}, {@code Boolean}. A blank cell
 * converts to {@code null}.
 */
public final class CellConverter {

    private static final Set<String> TRUE_WORDS = Set.of("是", "y", "yes", "true", "√", "✓", "✔", "1", "对", "有", "t");
    private static final Set<String> FALSE_WORDS = Set.of("否", "n", "no", "false", "×", "✗", "✘", "x", "0", "错", "无", "f");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final ConversionContext context;
    private final RepeatedTexts repeated = new RepeatedTexts();

    /** A converter for one file. */
    public CellConverter(ConversionContext context) {
        this.context = context;
    }

    /**
     * Converts a cell.
     *
     * @param cell  the cell as read
     * @param field the field its column is mapped to
     * @param scale the column's unit factor ({@link io.salesdesk.ledger.map.MappedColumn#scale()})
     * @return the value, or a problem whose first argument is the cell's text
     */
    public Conversion convert(CellValue cell, LedgerField field, BigDecimal scale) {
        if (cell.isBlank()) {
            return Conversion.of(null);
        }
        if (cell.kind() == CellKind.ERROR) {
            return Conversion.problem(Conversion.ERROR_CELL, cell.text());
        }
        String text = cell.text().strip();
        switch (field.type()) {
            case INTEGER:
                return integer(cell, text);
            case DECIMAL:
            case MONEY:
                return amount(cell, text, scale).map(Conversion::of)
                        .orElseGet(() -> Conversion.problem(Conversion.NOT_A_NUMBER, text));
            case DATE:
                return dateTime(cell, text).map(d -> Conversion.of(d.toLocalDate()))
                        .orElseGet(() -> Conversion.problem(Conversion.NOT_A_DATE, text));
            case DATETIME:
                return dateTime(cell, text).map(Conversion::of)
                        .orElseGet(() -> Conversion.problem(Conversion.NOT_A_DATE, text));
            case BOOLEAN:
                return bool(cell, text);
            case PHONE:
                return PhoneNumber.normalise(text).map(Conversion::of)
                        .orElseGet(() -> Conversion.problem(Conversion.BAD_PHONE, text));
            case CREDIT_CODE:
                return creditCode(text);
            case EMAIL:
                return email(text);
            case ENUM:
                return enumValue(field, text);
            default:
                return Conversion.of(repeated.shared(text));
        }
    }

    private Conversion integer(CellValue cell, String text) {
        Optional<BigDecimal> number = amount(cell, text, BigDecimal.ONE);
        if (number.isEmpty()) {
            return Conversion.problem(Conversion.NOT_A_NUMBER, text);
        }
        try {
            return Conversion.of(number.get().longValueExact());
        } catch (ArithmeticException e) {
            return Conversion.problem(Conversion.NOT_AN_INTEGER, text);
        }
    }

    private static Optional<BigDecimal> amount(CellValue cell, String text, BigDecimal scale) {
        if (cell.kind() == CellKind.NUMBER) {
            return Optional.of(tidy(cell.number().multiply(scale)));
        }
        if (cell.kind() != CellKind.TEXT) {
            return Optional.empty();
        }
        // "12.5万" in a (万元) column already says its unit; the header's unit must not apply twice.
        return AmountTexts.parse(text).map(a -> a.hasUnit() ? a.value() : a.value().multiply(scale))
                .map(CellConverter::tidy);
    }

    private Optional<LocalDateTime> dateTime(CellValue cell, String text) {
        switch (cell.kind()) {
            case DATE:
                return Optional.of(cell.dateTime());
            case NUMBER:
                double serial = cell.number().doubleValue();
                if (text.length() == 8 && cell.number().scale() <= 0) {
                    // 20251103 typed into a number cell.
                    return DateTexts.parse(text, context.dateOrder());
                }
                return DateUtil.isValidExcelDate(serial) && serial < 2_958_466
                        ? Optional.of(DateUtil.getLocalDateTime(serial, context.date1904(), true))
                        : Optional.empty();
            case TEXT:
                return DateTexts.parse(text, context.dateOrder());
            default:
                return Optional.empty();
        }
    }

    private static Conversion bool(CellValue cell, String text) {
        if (cell.kind() == CellKind.BOOLEAN) {
            return Conversion.of(cell.asBoolean().orElseThrow());
        }
        String word = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Conversion.of(Boolean.TRUE);
        }
        return FALSE_WORDS.contains(word) ? Conversion.of(Boolean.FALSE) : Conversion.problem(Conversion.NOT_A_BOOLEAN, text);
    }

    private static Conversion creditCode(String text) {
        String code = CreditCode.normalise(text);
        switch (CreditCode.problemOf(code)) {
            case NONE:
                return Conversion.of(code);
            case WRONG_LENGTH:
                return Conversion.problem(Conversion.CREDIT_CODE_LENGTH, text, code.length());
            case INVALID_CHARACTER:
                return Conversion.problem(Conversion.CREDIT_CODE_CHARACTER, text);
            default:
                return Conversion.problem(Conversion.CREDIT_CODE_CHECK, text);
        }
    }

    private static Conversion email(String text) {
        String address = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (!EMAIL.matcher(address).matches()) {
            return Conversion.problem(Conversion.BAD_EMAIL, text);
        }
        int at = address.lastIndexOf('@');
        // Domains are case-insensitive; the local part may not be, so it stays as typed.
        return Conversion.of(address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    private static Conversion enumValue(LedgerField field, String text) {
        String wanted = comparable(text);
        for (String entry : field.enumValues()) {
            int eq = entry.indexOf('=');
            String value = eq < 0 ? entry : entry.substring(0, eq);
            String label = eq < 0 ? entry : entry.substring(eq + 1);
            if (wanted.equals(comparable(value)) || wanted.equals(comparable(label))
                    || wanted.equals(comparable(value) + "级") || wanted.equals(comparable(value) + "类")) {
                return Conversion.of(value);
            }
        }
        return Conversion.problem(Conversion.UNKNOWN_ENUM_VALUE, text, String.join("、", field.enumValues()));
    }

    private static String comparable(String text) {
        return MatchText.key(text);
    }

    private static BigDecimal tidy(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
