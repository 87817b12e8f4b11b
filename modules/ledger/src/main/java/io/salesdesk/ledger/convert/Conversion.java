package io.salesdesk.ledger.convert;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of converting one cell: a value (possibly {@code null} for a blank cell) or a problem.
 *
 * @param value      the converted value, or {@code null}
 * @param messageKey the problem's bundle key, or {@code null} if the conversion succeeded
 * @param args       the problem's arguments; empty on success
 */
public record Conversion(Object value, String messageKey, List<Object> args) {

    /** The key a blank required cell gets from {@link RowConverter}. */
    public static final String REQUIRED = "ledger.convert.required";
    /** The cell holds an Excel error such as #DIV/0!. */
    public static final String ERROR_CELL = "ledger.convert.errorCell";
    /** Not a date in any accepted form. */
    public static final String NOT_A_DATE = "ledger.convert.notADate";
    /** Not a number or amount. */
    public static final String NOT_A_NUMBER = "ledger.convert.notANumber";
    /** A number with a fraction (or too large) where a whole number is needed. */
    public static final String NOT_AN_INTEGER = "ledger.convert.notAnInteger";
    /** Not a yes/no value. */
    public static final String NOT_A_BOOLEAN = "ledger.convert.notABoolean";
    /** Not a Chinese phone number. */
    public static final String BAD_PHONE = "ledger.convert.badPhone";
    /** Credit code not 18 characters. */
    public static final String CREDIT_CODE_LENGTH = "ledger.convert.creditCode.wrongLength";
    /** Credit code with a character outside its alphabet. */
    public static final String CREDIT_CODE_CHARACTER = "ledger.convert.creditCode.invalidCharacter";
    /** Credit code whose check character does not match. */
    public static final String CREDIT_CODE_CHECK = "ledger.convert.creditCode.wrongCheckDigit";
    /** Not an e-mail address. */
    public static final String BAD_EMAIL = "ledger.convert.badEmail";
    /** Not one of the allowed values; argument 2 lists them. */
    public static final String UNKNOWN_ENUM_VALUE = "ledger.convert.unknownEnumValue";

    public Conversion {
        args = List.copyOf(args);
    }

    /** A converted value. */
    public static Conversion of(Object value) {
        return new Conversion(value, null, List.of());
    }

    /** A problem; the value text comes first among the arguments. */
    public static Conversion problem(String messageKey, Object... args) {
        Objects.requireNonNull(messageKey, "messageKey");
        return new Conversion(null, messageKey, List.of(args));
    }

    /** Tells whether the cell converted without a problem. */
    public boolean ok() {
        return messageKey == null;
    }
}
