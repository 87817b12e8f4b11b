package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.ledger.imports.ExportTarget;
import io.salesdesk.ledger.imports.ExtraColumns;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.report.StreamingWorkbook;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Exports the customer list as a ledger that can be edited in Excel and imported back: the list's
 * columns under the Chinese headers the importer recognises, frozen header, autofilter, date
 * formats, a drop-down on 客户等级, and hidden "SalesDesk ID" and "SalesDesk 版本" columns, so a
 * re-import updates the same customers and detects those changed meanwhile. Streamed with SXSSF.
 */
public final class CustomerExport implements ExportTarget {

    /** The visible headers, in order; the importer maps them back without help. */
    static final List<String> HEADERS = List.of("客户名称", "统一社会信用代码", "客户等级", "行业", "省份", "城市", "区县",
            "地址", "电话", "负责人", "最近跟进", "下次跟进");
    private static final int TIER_COLUMN = 2;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    // Extra columns' values are read for this many customers at a time.
    private static final int PAGE = 500;

    private final CustomerService customers;
    private final RegionService regions;
    private final ExtraColumns extra;

    /** An exporter of the customer list as the service gives it. */
    public CustomerExport(CustomerService customers, RegionService regions) {
        this(customers, regions, ExtraColumns.NONE);
    }

    private CustomerExport(CustomerService customers, RegionService regions, ExtraColumns extra) {
        this.customers = customers;
        this.regions = regions;
        this.extra = extra;
    }

    @Override
    public LedgerEntity entity() {
        return CustomerLedger.ENTITY.withFields(extra.fields());
    }

    /** This exporter with the extra columns (custom fields) after 下次跟进. */
    @Override
    public CustomerExport withExtraColumns(ExtraColumns columns) {
        return new CustomerExport(customers, regions, columns);
    }

    /**
     * Writes the customers the viewer sees with this query.
     *
     * @param viewer  whose list it is (visibility applies)
     * @param query   the list's filters and order
     * @param out     the .xlsx file; replaced if it exists
     * @param monitor progress and cancellation
     * @return how many customers were written
     */
    @Override
    public int export(Actor viewer, CustomerQuery query, Path out, ImportMonitor monitor) {
        return export(viewer, query, null, out, monitor);
    }

    /**
     * Writes only the customers with these ids among those the viewer sees with this query (a
     * selection made on the map), in the list's order; a null set writes them all.
     */
    public int export(Actor viewer, CustomerQuery query, Set<UUID> only, Path out, ImportMonitor monitor) {
        try (SXSSFWorkbook workbook = new StreamingWorkbook(500)) {
            SXSSFSheet sheet = workbook.createSheet("客户");
            ExportStyles styles = new ExportStyles(workbook);
            List<LedgerField> extraFields = extra.fields();
            writeHeader(sheet, styles, extraFields);
            int total = only == null ? customers.count(viewer, query) : only.size();
            ExportProgress progress = new ExportProgress(monitor, total);
            List<Customer> page = new ArrayList<>(PAGE);
            customers.forEach(viewer, query, customer -> {
                if (only != null && !only.contains(customer.id())) {
                    return;
                }
                page.add(customer);
                if (page.size() == PAGE) {
                    writePage(sheet, page, extraFields, styles, progress);
                }
            });
            writePage(sheet, page, extraFields, styles, progress);
            int count = progress.finish();
            finish(sheet, count, extraFields.size());
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
            workbook.dispose();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHeader(SXSSFSheet sheet, ExportStyles styles, List<LedgerField> extraFields) {
        Row header = sheet.createRow(0);
        List<String> headers = new ArrayList<>(HEADERS);
        extraFields.forEach(f -> headers.add(f.labelZh()));
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
        }
        header.createCell(headers.size()).setCellValue(CustomerLedger.ENTITY.field(CustomerLedger.ID).orElseThrow().labelZh());
        header.createCell(headers.size() + 1)
                .setCellValue(CustomerLedger.ENTITY.field(CustomerLedger.VERSION).orElseThrow().labelZh());
    }

    // Writes and empties a page of customers, with their extra columns' values read in one go.
    private void writePage(SXSSFSheet sheet, List<Customer> page, List<LedgerField> extraFields, ExportStyles styles,
            ExportProgress progress) {
        if (page.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, String>> extraValues = extraFields.isEmpty() ? Map.of()
                : extra.values(page.stream().map(Customer::id).toList());
        for (Customer customer : page) {
            writeRow(sheet.createRow(sheet.getLastRowNum() + 1), customer, extraFields,
                    extraValues.getOrDefault(customer.id(), Map.of()), styles);
            progress.row();
        }
        page.clear();
    }

    private void writeRow(Row row, Customer c, List<LedgerField> extraFields, Map<String, String> extraValues,
            ExportStyles styles) {
        String[] place = place(c.regionCode());
        int col = 0;
        styles.text(row.createCell(col++), c.name());
        styles.text(row.createCell(col++), c.creditCode());
        styles.text(row.createCell(col++), c.tier().name());
        styles.text(row.createCell(col++), Industries.label(c.industry()));
        styles.text(row.createCell(col++), place[0]);
        styles.text(row.createCell(col++), place[1]);
        styles.text(row.createCell(col++), place[2]);
        styles.text(row.createCell(col++), c.address());
        styles.text(row.createCell(col++), c.phone());
        styles.text(row.createCell(col++), c.ownerName());
        Cell last = row.createCell(col++);
        last.setCellStyle(styles.dateTime);
        if (c.lastFollowUpAt() != null) {
            last.setCellValue(c.lastFollowUpAt().atZoneSameInstant(CHINA).toLocalDateTime());
        }
        Cell next = row.createCell(col++);
        next.setCellStyle(styles.date);
        if (c.nextFollowUpOn() != null) {
            next.setCellValue(c.nextFollowUpOn());
        }
        for (LedgerField field : extraFields) {
            styles.typed(row.createCell(col++), field.type(), extraValues.get(field.key()));
        }
        styles.text(row.createCell(col++), c.id().toString());
        Cell version = row.createCell(col);
        version.setCellStyle(styles.plain);
        version.setCellValue(c.version());
    }

    // Province, city and county names of a code; the 市辖区 level of municipalities stays blank.
    private String[] place(String code) {
        String[] names = new String[3];
        for (Region r = code == null ? null : regions.byCode(code).orElse(null); r != null;
                r = r.parentCode() == null ? null : regions.byCode(r.parentCode()).orElse(null)) {
            int level = "province".equals(r.level()) ? 0 : "city".equals(r.level()) ? 1 : "county".equals(r.level()) ? 2 : -1;
            // A city's placeholder level (上海市 → 市辖区) is left out; a county-level placeholder
            // (丽水市 市辖区, 331101) is its own code's name and is written, so re-import finds that code.
            boolean placeholder = "市辖区".equals(r.name()) || "县".equals(r.name());
            if (level >= 0 && !(placeholder && level == 1)) {
                names[level] = r.name();
            }
            if (level <= 0) {
                break;
            }
        }
        return names;
    }

    private static void finish(SXSSFSheet sheet, int rows, int extraColumns) {
        int lastVisible = HEADERS.size() + extraColumns - 1;
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, lastVisible));
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation tiers = helper.createValidation(helper.createExplicitListConstraint(new String[] {"A", "B", "C", "D"}),
                new CellRangeAddressList(1, Math.max(rows, 1), TIER_COLUMN, TIER_COLUMN));
        tiers.setShowErrorBox(true);
        sheet.addValidationData(tiers);
        int[] widths = {36, 22, 10, 12, 12, 12, 12, 40, 18, 12, 18, 14};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (int c = HEADERS.size(); c <= lastVisible; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        sheet.setColumnHidden(lastVisible + 1, true);
        sheet.setColumnHidden(lastVisible + 2, true);
    }

    /** The styles of the export, created once per workbook. */
    private static final class ExportStyles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle quoted;
        // The workbook's default style, set on every plain cell: a cell without a style makes POI
        // look up its column's style in the sheet XML, a tenth of a large export's time.
        final CellStyle plain;

        ExportStyles(SXSSFWorkbook workbook) {
            plain = workbook.getCellStyleAt(0);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
        }

        /**
         * Writes text as a text cell; text Excel would take for a formula (= + - @) also gets the
         * quote prefix, so editing the cell in Excel keeps it text (no formula injection).
         */
        void text(Cell cell, String value) {
            cell.setCellStyle(plain);
            if (value == null || value.isEmpty()) {
                return;
            }
            cell.setCellValue(value);
            char first = value.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@') {
                cell.setCellStyle(quoted);
            }
        }

        /** Writes an extra column's canonical text: numbers and dates as such, so Excel sorts and sums them. */
        void typed(Cell cell, FieldType type, String value) {
            if (value != null) {
                try {
                    switch (type) {
                        case INTEGER, DECIMAL, MONEY -> {
                            cell.setCellStyle(plain);
                            cell.setCellValue(new BigDecimal(value).doubleValue());
                            return;
                        }
                        case DATE -> {
                            cell.setCellStyle(date);
                            cell.setCellValue(LocalDate.parse(value));
                            return;
                        }
                        default -> {
                        }
                    }
                } catch (NumberFormatException | DateTimeParseException notThatType) {
                    // written as the text it is
                }
            }
            text(cell, value);
        }
    }
}
