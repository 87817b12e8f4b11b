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

/**
 * The shared-string table of an .xlsx file. Matched by local name, so Strict OOXML and unusual
 * namespace prefixes read the same; phonetic runs (rPh, Japanese readings) are left out.
 */
final class SharedStrings extends DefaultHandler {

    private final List<String> strings = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private int phoneticDepth;

    private SharedStrings() {
    }

    static List<String> parse(InputStream in) throws IOException, SAXException, ParserConfigurationException {
        SharedStrings handler = new SharedStrings();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
        return handler.strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si":
                inItem = true;
                current.setLength(0);
                break;
            case "rPh":
                phoneticDepth++;
                break;
            case "t":
                inText = inItem && phoneticDepth == 0;
                break;
            default:
                break;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si":
                strings.add(XmlText.decode(current.toString()));
                inItem = false;
                break;
            case "rPh":
                phoneticDepth--;
                break;
            case "t":
                inText = false;
                break;
            default:
                break;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            XmlText.append(current, ch, start, length);
        }
    }
}
