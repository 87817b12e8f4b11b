package io.salesdesk.app.commerce;

import java.math.BigDecimal;

/** Reads an amount as people type it: "12,500", "¥3000.5", " 80 ". */
final class Amounts {

    private Amounts() {
    }

    /** The amount, or null when the text is empty or not a number. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "");
        if (plain.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
