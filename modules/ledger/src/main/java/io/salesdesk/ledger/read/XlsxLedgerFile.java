package io.salesdesk.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An Excel 2007+ workbook (.xlsx, Transitional or Strict OOXML), read with SAX so memory does not
 * grow with the number of rows. POI's package layer enforces its zip-bomb limits (minimum inflate
 * ratio, maximum entry size) and its XML parser refuses DOCTYPE declarations.
 */
final class XlsxLedgerFile implements LedgerFile {

    private final String fileName;
    private final ReadLimits limits;
    private final OPCPackage pkg;
    private final PackagePart workbookPart;
    private final boolean date1904;
    private final List<SheetInfo> sheets;
    private final Map<String, String> relationshipBySheet;
    private List<String> sharedStrings;
    private DateStyles dateStyles;

    private XlsxLedgerFile(String fileName, ReadLimits limits, OPCPackage pkg, PackagePart workbookPart,
            WorkbookXml workbook) {
        this.fileName = fileName;
        this.limits = limits;
        this.pkg = pkg;
        this.workbookPart = workbookPart;
        this.date1904 = workbook.date1904();
        List<SheetInfo> list = new ArrayList<>();
        for (WorkbookXml.SheetEntry entry : workbook.sheets()) {
            list.add(new SheetInfo(list.size(), entry.name(), entry.visibility()));
        }
        this.sheets = List.copyOf(list);
        this.relationshipBySheet = workbook.sheets().stream()
                .filter(e -> e.relationshipId() != null)
                .collect(Collectors.toMap(WorkbookXml.SheetEntry::name, WorkbookXml.SheetEntry::relationshipId,
                        (first, second) -> first));
    }

    static LedgerFile open(Path file, String fileName, ReadLimits limits) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            PackagePart workbookPart = workbookPart(pkg);
            WorkbookXml workbook;
            try (InputStream in = workbookPart.getInputStream()) {
                workbook = WorkbookXml.parse(in);
            }
            return new XlsxLedgerFile(fileName, limits, pkg, workbookPart, workbook);
        } catch (IOException | SAXException | ParserConfigurationException | InvalidFormatException
                | RuntimeException e) {
            revertQuietly(pkg);
            throw ReadFailures.translate(e, fileName);
        }
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public boolean date1904() {
        return date1904;
    }

    @Override
    public void read(String sheetName, RowConsumer consumer) {
        String relationshipId = relationshipBySheet.get(sheetName);
        if (relationshipId == null) {
            throw new LedgerReadException(LedgerReadException.NO_SUCH_SHEET, fileName, sheetName);
        }
        try {
            PackageRelationship relationship = workbookPart.getRelationship(relationshipId);
            PackagePart sheetPart = relationship == null ? null : workbookPart.getRelatedPart(relationship);
            if (sheetPart == null) {
                throw new IllegalStateException("sheet part " + relationshipId + " missing");
            }
            loadSharedParts();
            RowLimiter limiter = new RowLimiter(fileName, limits, consumer);
            SheetXmlHandler handler = new SheetXmlHandler(sharedStrings, dateStyles, date1904,
                    new RowBuilder(fileName, limits), limiter);
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            try (InputStream in = sheetPart.getInputStream()) {
                reader.parse(new InputSource(in));
            } catch (SheetXmlHandler.Stop stop) {
                // The consumer has what it wanted.
            }
        } catch (IOException | SAXException | ParserConfigurationException | InvalidFormatException
                | RuntimeException e) {
            throw ReadFailures.translate(e, fileName);
        }
    }

    @Override
    public void close() {
        revertQuietly(pkg);
    }

    // Shared strings and styles are read once, on the first sheet read, not when listing sheets.
    private void loadSharedParts() throws IOException, SAXException, ParserConfigurationException,
            InvalidFormatException {
        if (sharedStrings == null) {
            PackagePart part = relatedPart("sharedStrings");
            sharedStrings = part == null ? List.of() : parse(part, SharedStrings::parse);
        }
        if (dateStyles == null) {
            PackagePart part = relatedPart("styles");
            dateStyles = part == null ? DateStyles.NONE : parse(part, DateStyles::parse);
        }
    }

    private PackagePart relatedPart(String typeSuffix) throws InvalidFormatException {
        for (PackageRelationship relationship : workbookPart.getRelationships()) {
            if (relationship.getRelationshipType().endsWith("/" + typeSuffix)) {
                return workbookPart.getRelatedPart(relationship);
            }
        }
        return null;
    }

    private static <T> T parse(PackagePart part, XmlPartParser<T> parser)
            throws IOException, SAXException, ParserConfigurationException {
        try (InputStream in = part.getInputStream()) {
            return parser.parse(in);
        }
    }

    private static PackagePart workbookPart(OPCPackage pkg) {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.size() == 0) {
            core = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (core.size() == 0) {
            throw new IllegalStateException("no workbook part (not a spreadsheet package)");
        }
        PackagePart part = pkg.getPart(core.getRelationship(0));
        if (part == null) {
            throw new IllegalStateException("workbook part missing");
        }
        return part;
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** Parses one XML part of the package. */
    @FunctionalInterface
    private interface XmlPartParser<T> {
        T parse(InputStream in) throws IOException, SAXException, ParserConfigurationException;
    }
}
