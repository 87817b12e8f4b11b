package io.salesdesk.insight.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.salesdesk.core.BusinessTime;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the report as a landscape A4 PDF with OpenPDF: the heading and summary, then each section
 * as a table with a repeated header row. The Chinese font ({@link CjkFont}) is embedded as a
 * subset of the glyphs used, so the file opens on machines without it and stays small.
 */
public final class PdfReportWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Color HEADER_FILL = new Color(0xEA, 0xEE, 0xF2);

    private final ReportTexts texts;
    private final String fontName;

    /** With the font {@link CjkFont#locate()} finds. */
    public PdfReportWriter(ReportTexts texts) {
        this(texts, CjkFont.locate());
    }

    public PdfReportWriter(ReportTexts texts, String fontName) {
        this.texts = texts;
        this.fontName = fontName;
    }

    public void write(DailyReport report, OutputStream out) throws IOException {
        BaseFont base;
        try {
            base = BaseFont.createFont(fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw new ReportException(e, "report.error.font.unreadable", CjkFont.fileOf(fontName), e.getMessage());
        }
        Font title = new Font(base, 16, Font.BOLD);
        Font heading = new Font(base, 12, Font.BOLD);
        Font body = new Font(base, 8.5f);
        Font bold = new Font(base, 8.5f, Font.BOLD);
        Font note = new Font(base, 8.5f, Font.ITALIC, Color.GRAY);
        ReportSections layout = new ReportSections(texts);
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(texts.get("summary.title", report.scope().name(), report.period().label()));
            document.open();
            document.add(new Paragraph(report.scope().isCompany() ? texts.get("title")
                    : texts.get("title.scope", report.scope().name()), title));
            document.add(new Paragraph(texts.get("scope") + "：" + report.scope().name() + "    "
                    + texts.get("period") + "：" + report.period().label() + "    " + texts.get("generatedAt") + "："
                    + report.generatedAt().atZoneSameInstant(BusinessTime.ZONE).format(GENERATED), body));
            document.add(new Paragraph(layout.summaryLine(report), body));
            document.add(new Paragraph(layout.leadTotalsLine(report.leadTotals()), body));
            for (ReportSection section : layout.of(report)) {
                Paragraph h = new Paragraph(section.title(), heading);
                h.setSpacingBefore(10);
                h.setSpacingAfter(4);
                document.add(h);
                if (section.rows().isEmpty()) {
                    document.add(new Paragraph(section.emptyReason(), note));
                    continue;
                }
                document.add(table(section, body, bold));
            }
        } catch (DocumentException e) {
            throw new IOException(e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static PdfPTable table(ReportSection section, Font body, Font bold) {
        List<ReportSection.Column> columns = section.columns();
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        try {
            table.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        table.setHeaderRows(1);
        for (ReportSection.Column column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(column.header(), bold));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setPadding(3);
            table.addCell(cell);
        }
        for (List<Object> row : section.rows()) {
            for (int c = 0; c < row.size(); c++) {
                ReportSection.Kind kind = columns.get(c).kind();
                PdfPCell cell = new PdfPCell(new Phrase(format(row.get(c), kind), body));
                cell.setPadding(3);
                if (kind == ReportSection.Kind.COUNT || kind == ReportSection.Kind.MONEY) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    static String format(Object value, ReportSection.Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case MONEY -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format((BigDecimal) value);
            case TIME -> ((OffsetDateTime) value).atZoneSameInstant(BusinessTime.ZONE).format(TIME);
            default -> value.toString();
        };
    }
}
