package io.salesdesk.ledger.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for SpreadsheetML text. */
final class XmlText {

    /** Excel's own limit for one cell; longer text comes from a damaged or hostile file. */
    static final int MAX_TEXT_LENGTH = 32_767;

    // Excel escapes control characters as _xHHHH_ (e.g. _x000D_ for a carriage return).
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XmlText() {
    }

    /** A cell's text passed {@link #MAX_TEXT_LENGTH}; translated with the file name by {@link ReadFailures}. */
    static final class TextTooLongException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TextTooLongException() {
            super("cell text longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }

    /** Resolves {@code _xHHHH_} escapes and turns CRLF into LF. */
    static String decode(String text) {
        String decoded = text;
        if (text.indexOf("_x") >= 0) {
            Matcher m = ESCAPE.matcher(text);
            StringBuilder out = new StringBuilder(text.length());
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
            }
            m.appendTail(out);
            decoded = out.toString();
        }
        return decoded.indexOf('\r') >= 0 ? decoded.replace("\r\n", "\n").replace('\r', '\n') : decoded;
    }

    /** Appends characters to a buffer, refusing absurdly long text. */
    static void append(StringBuilder buffer, char[] ch, int start, int length) {
        if (buffer.length() + length > MAX_TEXT_LENGTH) {
            throw new TextTooLongException();
        }
        buffer.append(ch, start, length);
    }
}
