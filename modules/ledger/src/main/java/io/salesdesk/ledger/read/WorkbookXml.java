package io.salesdesk.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** The parts of xl/workbook.xml the reader needs: the sheet list and the date system. */
final class WorkbookXml extends DefaultHandler {

    /** One {@code <sheet>} entry: its name, state and relationship id. */
    record SheetEntry(String name, SheetVisibility visibility, String relationshipId) {
    }

    private final List<SheetEntry> sheets = new ArrayList<>();
    private boolean date1904;

    private WorkbookXml() {
    }

    static WorkbookXml parse(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        WorkbookXml handler = new WorkbookXml();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
        return handler;
    }

    List<SheetEntry> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("workbookPr".equals(localName)) {
            String flag = attributes.getValue("date1904");
            date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
        } else if ("sheet".equals(localName)) {
            String name = attributes.getValue("name");
            if (name != null) {
                sheets.add(new SheetEntry(name, visibility(attributes.getValue("state")), relationshipId(attributes)));
            }
        }
    }

    private static SheetVisibility visibility(String state) {
        if ("hidden".equals(state)) {
            return SheetVisibility.HIDDEN;
        }
        return "veryHidden".equals(state) ? SheetVisibility.VERY_HIDDEN : SheetVisibility.VISIBLE;
    }

    // r:id lives in the relationships namespace, whose URI differs between Transitional and Strict.
    private static String relationshipId(Attributes attributes) {
        for (int i = 0; i < attributes.getLength(); i++) {
            if ("id".equals(attributes.getLocalName(i)) && !attributes.getURI(i).isEmpty()) {
                return attributes.getValue(i);
            }
        }
        return null;
    }
}
