package io.salesdesk.ledger.crm;

import io.salesdesk.ledger.report.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * One exported ledger sheet, streamed with SXSSF: bold headers the importer maps back, frozen
 * header row, autofilter, readable dates, drop-downs on enumerated columns, hidden id and version
 * columns last, and text that Excel would take for a formula written as text.
 */
final class LedgerSheet implements AutoCloseable {

    // Ledger times carry no zone: they are written in Beijing time, as they are read back.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SXSSFWorkbook workbook = new StreamingWorkbook(500);
    private final SXSSFSheet sheet;
    private final int visibleColumns;
    private final int hiddenColumns;
    private final Map<Integer, String[]> dropDowns = new LinkedHashMap<>();
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle quoted;
    private final CellStyle money;
    private int rows;

    /**
     * A sheet with its header row written.
     *
     * @param name    the sheet's name
     * @param visible the visible headers, in order
     * @param hidden  the hidden headers after them (id, version)
     * @param widths  the visible columns' widths in characters
     */
    LedgerSheet(String name, List<String> visible, List<String> hidden, int[] widths) {
        sheet = workbook.createSheet(name);
        visibleColumns = visible.size();
        hiddenColumns = hidden.size();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        Row row = sheet.createRow(0);
        List<String> all = new ArrayList<>(visible);
        all.addAll(hidden);
        for (int c = 0; c < all.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(all.get(c));
            cell.setCellStyle(header);
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    /** Starts the next data row. */
    Row newRow() {
        return sheet.createRow(++rows);
    }

    /**
     * Writes text as a text cell; text Excel would take for a formula (= + - @) also gets the quote
     * prefix, so editing the cell in Excel keeps it text (no formula injection).
     */
    void text(Row row, int column, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            cell.setCellStyle(quoted);
        }
    }

    /** Writes a time as a Beijing date and time. */
    void dateTime(Row row, int column, OffsetDateTime value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.atZoneSameInstant(CHINA).toLocalDateTime());
            cell.setCellStyle(dateTime);
        }
    }

    /** Writes a business date. */
    void date(Row row, int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    /** Writes a number. */
    void number(Row row, int column, Number value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    /** Writes an amount in yuan with thousands separators and cents. */
    void money(Row row, int column, BigDecimal value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(money);
        }
    }

    /** Offers a drop-down of these values on a visible column's data cells. */
    void dropDown(int column, String... values) {
        dropDowns.put(column, values);
    }

    /** Freezes the header, adds the filter, drop-downs and hidden columns, and writes the file. */
    void writeTo(Path out) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, visibleColumns - 1));
        DataValidationHelper helper = sheet.getDataValidationHelper();
        dropDowns.forEach((column, values) -> {
            DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                    new CellRangeAddressList(1, Math.max(rows, 1), column, column));
            validation.setShowErrorBox(true);
            sheet.addValidationData(validation);
        });
        for (int c = visibleColumns; c < visibleColumns + hiddenColumns; c++) {
            sheet.setColumnHidden(c, true);
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.dispose();
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
