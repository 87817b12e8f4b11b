package io.salesdesk.ledger.map;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header text brought to a comparable form: "签约金额（万元）*" becomes {@code 签约金额} with a
 * scale of 10,000, "Contact  Name" becomes {@code contactname}.
 *
 * @param normalised the comparable text: NFKC, lower case, no spaces, punctuation, brackets or unit
 * @param scale      the unit the header names (万元 = 10,000, 千元 = 1,000), or {@code 1}
 */
public record HeaderText(String normalised, BigDecimal scale) {

    // Longest first, so that 万元 wins over 元.
    private static final String UNITS = "百万元|万元|千元|亿元|元|人民币|rmb|cny";
    private static final Pattern BRACKETED = Pattern.compile("[(\\[【〔<《{]([^)\\]】〕>》}]*)[)\\]】〕>》}]");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("(.{2,}?)[/:\\-_]?(?:单位[:：]?)?(" + UNITS + ")$");
    private static final Pattern UNIT_INSIDE = Pattern.compile("(?:单位[:：]?)?(" + UNITS + ")");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}·、。，：；！？“”‘’…※★☆]+");

    /**
     * Normalises a header as written in a ledger.
     *
     * @param header the header text; {@code null} counts as empty
     * @return the comparable form and unit scale
     */
    public static HeaderText of(String header) {
        if (header == null) {
            return new HeaderText("", BigDecimal.ONE);
        }
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        BigDecimal scale = BigDecimal.ONE;
        Matcher bracket = BRACKETED.matcher(text);
        StringBuilder withoutBrackets = new StringBuilder();
        while (bracket.find()) {
            Matcher unit = UNIT_INSIDE.matcher(bracket.group(1).replaceAll("\\s", ""));
            if (unit.matches()) {
                scale = scaleOf(unit.group(1));
            }
            bracket.appendReplacement(withoutBrackets, "");
        }
        bracket.appendTail(withoutBrackets);
        String compact = NOISE.matcher(withoutBrackets).replaceAll("");
        if (compact.isEmpty()) {
            // "【级别】": the whole header is in brackets, so the brackets are decoration.
            compact = NOISE.matcher(text.replaceAll("[【】〔〕《》]", "")).replaceAll("");
        }
        Matcher suffix = UNIT_SUFFIX.matcher(compact);
        if (suffix.matches() && scale.compareTo(BigDecimal.ONE) == 0) {
            compact = suffix.group(1);
            scale = scaleOf(suffix.group(2));
        }
        return new HeaderText(compact, scale);
    }

    /** Tells whether the header is empty once normalised. */
    public boolean isEmpty() {
        return normalised.isEmpty();
    }

    private static BigDecimal scaleOf(String unit) {
        switch (unit) {
            case "百万元":
                return BigDecimal.valueOf(1_000_000);
            case "万元":
                return BigDecimal.valueOf(10_000);
            case "千元":
                return BigDecimal.valueOf(1_000);
            case "亿元":
                return BigDecimal.valueOf(100_000_000);
            default:
                return BigDecimal.ONE;
        }
    }
}
