package io.salesdesk.insight.report;

import io.salesdesk.core.BusinessTime;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the report as an Excel workbook: a summary sheet (title, period, the summary line and the
 * teams) and one sheet per section, with bold frozen headers, column widths for Chinese text,
 * amounts as numbers formatted {@code #,##0.00}, times in the company's zone.
 */
public final class XlsxReportWriter {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportTexts texts;

    public XlsxReportWriter(ReportTexts texts) {
        this.texts = texts;
    }

    public void write(DailyReport report, OutputStream out) throws IOException {
        ReportSections layout = new ReportSections(texts);
        List<ReportSection> sections = layout.of(report);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            for (ReportSection section : sections) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(section.title()));
                int first = 0;
                if (section.key().equals("summary")) {
                    first = heading(sheet, styles, report, layout);
                }
                table(sheet, styles, section, first);
            }
            book.write(out);
        }
    }

    private int heading(Sheet sheet, Styles styles, DailyReport report, ReportSections layout) {
        String title = report.scope().isCompany() ? texts.get("title") : texts.get("title.scope", report.scope().name());
        text(sheet.createRow(0), 0, title, styles.title);
        pair(sheet.createRow(1), texts.get("scope"), report.scope().name());
        pair(sheet.createRow(2), texts.get("period"), report.period().label()
                + (report.period().days() > 1 ? "（" + texts.get("days", report.period().days()) + "）" : ""));
        pair(sheet.createRow(3), texts.get("generatedAt"),
                report.generatedAt().atZoneSameInstant(BusinessTime.ZONE).format(GENERATED));
        text(sheet.createRow(4), 0, layout.summaryLine(report), null);
        text(sheet.createRow(5), 0, layout.leadTotalsLine(report.leadTotals()), null);
        return 7;
    }

    private static void pair(Row row, String label, String value) {
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void table(Sheet sheet, Styles styles, ReportSection section, int firstRow) {
        Row header = sheet.createRow(firstRow);
        for (int c = 0; c < section.columns().size(); c++) {
            ReportSection.Column column = section.columns().get(c);
            text(header, c, column.header(), styles.header);
            // Width in 1/256 of a character; a Chinese character takes about two.
            sheet.setColumnWidth(c, Math.min(255, Math.max(column.width(), column.header().length() * 2 + 2)) * 256);
        }
        sheet.createFreezePane(0, firstRow + 1);
        if (section.rows().isEmpty()) {
            text(sheet.createRow(firstRow + 1), 0, section.emptyReason(), styles.note);
            return;
        }
        int r = firstRow + 1;
        for (List<Object> values : section.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                cell(row, c, values.get(c), section.columns().get(c).kind(), styles);
            }
        }
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(firstRow, r - 1, 0, section.columns().size() - 1));
    }

    private static void cell(Row row, int column, Object value, ReportSection.Kind kind, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (kind) {
            case COUNT -> {
                cell.setCellValue(((Number) value).doubleValue());
                cell.setCellStyle(styles.count);
            }
            case MONEY -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.money);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
            }
            case TIME -> {
                cell.setCellValue(((OffsetDateTime) value).atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime());
                cell.setCellStyle(styles.time);
            }
            default -> cell.setCellValue(value.toString());
        }
    }

    /** The workbook's few cell styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle note;
        final CellStyle count;
        final CellStyle money;
        final CellStyle date;
        final CellStyle time;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font grey = book.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            title = book.createCellStyle();
            title.setFont(big);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            note = book.createCellStyle();
            note.setFont(grey);
            var format = book.createDataFormat();
            count = book.createCellStyle();
            count.setDataFormat(format.getFormat("0"));
            money = book.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            date = book.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            time = book.createCellStyle();
            time.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        }
    }
}
