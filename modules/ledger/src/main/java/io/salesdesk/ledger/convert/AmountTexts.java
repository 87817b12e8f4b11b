package io.salesdesk.ledger.convert;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers and amounts as ledgers write them: "￥1,234.50", "1,234", "12.5万", "(1,234)" for a
 * negative (accounting style), "-1 234", "RMB 100元".
 */
final class AmountTexts {

    private static final Pattern CURRENCY = Pattern.compile("(?i)[¥$€]|rmb|cny|人民币|元整?");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s\u00A0]");
    private static final Pattern AMOUNT = Pattern.compile("([-+]?)(\\d+(?:\\.\\d+)?|\\.\\d+)(万|亿|千)?");

    private AmountTexts() {
    }

    /**
     * Parses an amount.
     *
     * @param raw the text
     * @return the amount and whether it carried its own unit (万, 亿, 千); empty if no number
     */
    static Optional<Amount> parse(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        text = SEPARATORS.matcher(CURRENCY.matcher(text).replaceAll("")).replaceAll("");
        boolean negative = false;
        if (text.length() > 2 && text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(2));
        if ("-".equals(m.group(1)) ^ negative) {
            number = number.negate();
        }
        String unit = m.group(3);
        if (unit != null) {
            number = number.multiply(BigDecimal.valueOf("万".equals(unit) ? 10_000 : "亿".equals(unit) ? 100_000_000 : 1_000));
        }
        return Optional.of(new Amount(number, unit != null));
    }

    /**
     * A parsed amount.
     *
     * @param value   the number, already multiplied by its own unit
     * @param hasUnit whether the text named its unit, which then overrides the column's unit
     */
    record Amount(BigDecimal value, boolean hasUnit) {
    }
}
