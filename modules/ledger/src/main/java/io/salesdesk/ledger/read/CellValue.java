package io.salesdesk.ledger.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A cell's value as the file stores it: its kind, a display text and the typed value.
 *
 * @param kind     what the cell holds
 * @param text     the value as text: the string itself, a plain number ({@code 1234.5}), an ISO
 *                 date ({@code 2025-11-03} or {@code 2025-11-03T09:30}), {@code TRUE}/{@code FALSE},
 *                 or the error code ({@code #DIV/0!}); empty for blanks
 * @param number   the number for {@link CellKind#NUMBER}, the date serial for {@link CellKind#DATE}
 *                 when the file stores one; otherwise {@code null}
 * @param dateTime the date for {@link CellKind#DATE}, otherwise {@code null}
 */
public record CellValue(CellKind kind, String text, BigDecimal number, LocalDateTime dateTime) {

    /** The blank cell. */
    public static final CellValue BLANK = new CellValue(CellKind.BLANK, "", null, null);

    // Excel keeps 15 significant digits; more digits in the XML are binary noise (0.30000000000000004).
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    public CellValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** A text cell; an empty string is blank. */
    public static CellValue text(String text) {
        return text == null || text.isEmpty() ? BLANK : new CellValue(CellKind.TEXT, text, null, null);
    }

    /** A number cell, rounded to Excel's 15 significant digits. */
    public static CellValue number(BigDecimal number) {
        BigDecimal excel = excelPrecision(number);
        return new CellValue(CellKind.NUMBER, excel.toPlainString(), excel, null);
    }

    /** A number cell from a double as POI's HSSF reader gives it. */
    public static CellValue number(double number) {
        return number(BigDecimal.valueOf(number));
    }

    /**
     * A date cell.
     *
     * @param serial   the Excel serial number, or {@code null} for an ISO date cell
     * @param dateTime the date and time it stands for
     */
    public static CellValue date(BigDecimal serial, LocalDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        String text = dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? dateTime.toLocalDate().toString() : dateTime.toString();
        return new CellValue(CellKind.DATE, text, serial == null ? null : excelPrecision(serial), dateTime);
    }

    /** A boolean cell. */
    public static CellValue bool(boolean value) {
        return new CellValue(CellKind.BOOLEAN, value ? "TRUE" : "FALSE", null, null);
    }

    /** An error cell such as {@code #DIV/0!}. */
    public static CellValue error(String code) {
        return new CellValue(CellKind.ERROR, code, null, null);
    }

    /** Tells whether the cell has no value, or only whitespace. */
    public boolean isBlank() {
        return kind == CellKind.BLANK || kind == CellKind.TEXT && text.isBlank();
    }

    /** The number of a number cell (or the serial of a date cell). */
    public Optional<BigDecimal> asNumber() {
        return Optional.ofNullable(number);
    }

    /** The date of a date cell. */
    public Optional<LocalDateTime> asDateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** The value of a boolean cell. */
    public Optional<Boolean> asBoolean() {
        return kind == CellKind.BOOLEAN ? Optional.of("TRUE".equals(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return kind + ":" + text;
    }

    private static BigDecimal excelPrecision(BigDecimal number) {
        BigDecimal rounded = number.round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
