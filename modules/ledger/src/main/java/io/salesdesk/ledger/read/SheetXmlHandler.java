package io.salesdesk.ledger.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one worksheet XML part. Elements are matched by local name so Strict OOXML
 * and odd prefixes work; the {@code <dimension>} is ignored because files lie about it (A1:XFD1048576).
 */
final class SheetXmlHandler extends DefaultHandler {

    /** Thrown to end parsing when the consumer has seen enough. */
    static final class Stop extends SAXException {

        private static final long serialVersionUID = 1L;

        Stop() {
            super("stopped by consumer");
        }
    }

    private final List<String> sharedStrings;
    private final DateStyles dateStyles;
    private final boolean date1904;
    private final RowBuilder row;
    private final RowLimiter limiter;

    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inlineText = new StringBuilder();
    private boolean inRow;
    private int lastRowNumber;
    private int column = -1;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inInlineText;
    private boolean hasValue;
    private int phoneticDepth;

    SheetXmlHandler(List<String> sharedStrings, DateStyles dateStyles, boolean date1904,
            RowBuilder row, RowLimiter limiter) {
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
        this.row = row;
        this.limiter = limiter;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row":
                String r = attributes.getValue("r");
                lastRowNumber = r == null ? lastRowNumber + 1 : Integer.parseInt(r.trim());
                row.start(lastRowNumber);
                inRow = true;
                column = -1;
                break;
            case "c":
                startCell(attributes);
                break;
            case "v":
                inValue = true;
                hasValue = true;
                break;
            case "rPh":
                phoneticDepth++;
                break;
            case "t":
                inInlineText = "inlineStr".equals(type) && phoneticDepth == 0;
                break;
            default:
                break;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "row":
                inRow = false;
                if (!limiter.offer(row.build())) {
                    throw new Stop();
                }
                break;
            case "c":
                if (inRow) {
                    row.put(column, cellValue());
                }
                break;
            case "v":
                inValue = false;
                break;
            case "rPh":
                phoneticDepth--;
                break;
            case "t":
                inInlineText = false;
                break;
            default:
                break;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            XmlText.append(value, ch, start, length);
        } else if (inInlineText) {
            XmlText.append(inlineText, ch, start, length);
        }
    }

    private void startCell(Attributes attributes) {
        String ref = attributes.getValue("r");
        column = ref == null || ref.isEmpty() ? column + 1 : columnOf(ref);
        type = attributes.getValue("t");
        String s = attributes.getValue("s");
        style = s == null || s.isBlank() ? 0 : Integer.parseInt(s.trim());
        value.setLength(0);
        inlineText.setLength(0);
        hasValue = false;
    }

    private CellValue cellValue() {
        String raw = value.toString();
        String t = type == null ? "n" : type;
        switch (t) {
            case "s":
                if (raw.isBlank()) {
                    return CellValue.BLANK;
                }
                int index = Integer.parseInt(raw.trim());
                if (index < 0 || index >= sharedStrings.size()) {
                    throw new IllegalStateException("shared string " + index + " missing");
                }
                return CellValue.text(sharedStrings.get(index));
            case "inlineStr":
                // Some writers put the text in <v> instead of <is><t>.
                return CellValue.text(XmlText.decode(inlineText.length() > 0 || !hasValue ? inlineText.toString() : raw));
            case "str":
                return CellValue.text(XmlText.decode(raw));
            case "b":
                return raw.isBlank() ? CellValue.BLANK : CellValue.bool("1".equals(raw.trim()) || "true".equalsIgnoreCase(raw.trim()));
            case "e":
                return raw.isEmpty() ? CellValue.error("#ERROR!") : CellValue.error(raw.trim());
            case "d":
                return isoDate(raw.trim());
            default:
                return number(raw.trim());
        }
    }

    private CellValue number(String raw) {
        if (raw.isEmpty()) {
            return CellValue.BLANK;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            // Seen in hand-made files: text in a numeric cell. Keep it rather than failing the sheet.
            return CellValue.text(raw);
        }
        if (dateStyles.isDate(style)) {
            double serial = number.doubleValue();
            if (DateUtil.isValidExcelDate(serial)) {
                return CellValue.date(number, DateUtil.getLocalDateTime(serial, date1904, true));
            }
        }
        return CellValue.number(number);
    }

    private static CellValue isoDate(String raw) {
        if (raw.isEmpty()) {
            return CellValue.BLANK;
        }
        try {
            if (raw.length() <= 10) {
                return CellValue.date(null, LocalDate.parse(raw).atStartOfDay());
            }
            if (raw.endsWith("Z") || raw.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return CellValue.date(null, OffsetDateTime.parse(raw).toLocalDateTime());
            }
            return CellValue.date(null, LocalDateTime.parse(raw));
        } catch (DateTimeParseException e) {
            return CellValue.text(raw);
        }
    }

    /** 0-based column of a reference such as {@code AB12}; letters beyond XFD give a huge index. */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (col > 1_000_000) {
                return Integer.MAX_VALUE;
            }
        }
        return col - 1;
    }
}
