package io.salesdesk.core;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese phone numbers as sales staff type them into a contact card: mobiles, landlines
 * with area code and optional extension (分机), and 400/800 service numbers.
 *
 * <p>Canonical forms are {@code 13800138000} for mobiles, {@code 021-62345678} or
 * {@code 0571-88886666-123} for landlines, and {@code 400-820-8820} for service numbers, so
 * that the same number entered twice is stored the same way.
 */
public final class PhoneNumber {

    // "转" and "分机" both introduce an extension: "0571 8888 6666 转 123".
    private static final Pattern WORD_EXTENSION = Pattern.compile("(.*?)\\s*(?:转|分机)\\s*(\\d{1,6})");
    private static final Pattern SEPARATED_DIGITS = Pattern.compile("\\+?[0-9()\\-\\s]+");
    private static final Pattern DASH_VARIANTS = Pattern.compile("[\u2010-\u2015\u2212\uFE58\uFE63]");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[-\\s()]+");
    // Mobile network prefixes are 13x to 19x.
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SERVICE = Pattern.compile("[48]00\\d{7}");
    // Local numbers never start with 0 or 1: those lead to long-distance and special services.
    private static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");
    private static final int MAX_EXTENSION_LENGTH = 6;

    private PhoneNumber() {
    }

    /**
     * Brings a phone number into canonical form. Accepts spaces, dashes, brackets around the
     * area code, a {@code +86}, {@code 0086} or (for mobiles) {@code 86} country prefix,
     * full-width digits, and an extension after "转", "分机" or a trailing dash group.
     *
     * @param raw the number as entered; may be {@code null}
     * @return the canonical number, or empty if {@code raw} is not a Chinese mobile, landline
     *     with area code, or 400/800 number
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = DASH_VARIANTS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("-").strip();
        String extension = null;
        Matcher word = WORD_EXTENSION.matcher(text);
        if (word.matches()) {
            text = word.group(1);
            extension = word.group(2);
        }
        if (!SEPARATED_DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        boolean international = text.startsWith("+");
        String digits = digitsOnly(text);
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
            international = true;
        } else if (international) {
            if (!digits.startsWith("86")) {
                return Optional.empty();
            }
            digits = digits.substring(2);
        }
        if (extension == null) {
            // Without a plus sign, "86" before a mobile is still common: "86 138 0013 8000".
            String mobile = !international && digits.length() == 13 && digits.startsWith("861")
                    ? digits.substring(2) : digits;
            if (MOBILE.matcher(mobile).matches()) {
                return Optional.of(mobile);
            }
            if (SERVICE.matcher(digits).matches()) {
                return Optional.of(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6));
            }
        }
        if (international && !digits.startsWith("0")) {
            // "+86 21 6234 5678": the trunk prefix 0 is dropped after the country code.
            digits = "0" + digits;
        }
        return landline(digits, extension, text);
    }

    /**
     * Keeps only the digits of a number, after turning full-width digits into ASCII; used to
     * match a search term against stored numbers whatever their separators.
     *
     * @param raw any text; may be {@code null}
     * @return the ASCII digits of {@code raw} in order, or an empty string
     */
    public static String digitsOnly(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (char c : Normalizer.normalize(raw, Normalizer.Form.NFKC).toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static Optional<String> landline(String digits, String extension, String text) {
        if (!digits.startsWith("0") || digits.startsWith("00") || digits.startsWith("01") && !digits.startsWith("010")) {
            return Optional.empty();
        }
        // Beijing (010) and the 02x cities have three-digit area codes and eight-digit local numbers.
        boolean bigCity = digits.startsWith("010") || digits.startsWith("02");
        String areaCode = digits.substring(0, bigCity ? 3 : 4);
        String local = digits.substring(areaCode.length());
        if (extension == null && local.length() > 8) {
            // The extension may follow as the last dash- or space-separated group: "0571-88886666-123".
            String[] groups = GROUP_SEPARATOR.split(text);
            String last = groups[groups.length - 1];
            int localLength = local.length() - last.length();
            if (last.length() <= MAX_EXTENSION_LENGTH && localLength >= 7 && localLength <= 8) {
                extension = last;
                local = local.substring(0, localLength);
            }
        }
        if (!LOCAL.matcher(local).matches() || bigCity && local.length() != 8) {
            return Optional.empty();
        }
        return Optional.of(areaCode + "-" + local + (extension == null ? "" : "-" + extension));
    }
}
