package io.salesdesk.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles (cellXfs entries of styles.xml) carry a date or time number format, the only
 * way an .xlsx tells a date from a number.
 */
final class DateStyles extends DefaultHandler {

    /** A workbook without styles: every number is a number. */
    static final DateStyles NONE = new DateStyles();

    private final Map<Integer, String> customFormats = new HashMap<>();
    private final List<Integer> formatOfStyle = new ArrayList<>();
    private final Map<Integer, Boolean> dateByStyle = new HashMap<>();
    private boolean inCellXfs;

    private DateStyles() {
    }

    static DateStyles parse(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        DateStyles handler = new DateStyles();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
        return handler;
    }

    /** Tells whether numbers in cells of a style are dates. */
    boolean isDate(int styleIndex) {
        if (styleIndex < 0 || styleIndex >= formatOfStyle.size()) {
            return false;
        }
        return dateByStyle.computeIfAbsent(styleIndex, s -> isDateFormat(formatOfStyle.get(s)));
    }

    private boolean isDateFormat(int formatId) {
        if (formatId >= 27 && formatId <= 36 || formatId >= 50 && formatId <= 58) {
            // East Asian built-in formats: in Chinese Excel these are 2025年11月3日, 上午/下午 times etc.
            // POI knows them only as "reserved" because their text depends on the locale.
            return !customFormats.containsKey(formatId) || DateUtil.isADateFormat(formatId, customFormats.get(formatId));
        }
        String format = customFormats.getOrDefault(formatId, BuiltinFormats.getBuiltinFormat(formatId));
        return format != null && DateUtil.isADateFormat(formatId, format);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "numFmt":
                Integer id = intOrNull(attributes.getValue("numFmtId"));
                String code = attributes.getValue("formatCode");
                if (id != null && code != null) {
                    customFormats.put(id, code);
                }
                break;
            case "cellXfs":
                inCellXfs = true;
                break;
            case "xf":
                if (inCellXfs) {
                    Integer formatId = intOrNull(attributes.getValue("numFmtId"));
                    formatOfStyle.add(formatId == null ? 0 : formatId);
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if ("cellXfs".equals(localName)) {
            inCellXfs = false;
        }
    }

    private static Integer intOrNull(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
