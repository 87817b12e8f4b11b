package io.salesdesk.ledger.report;

import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.read.CellValue;
import io.salesdesk.ledger.read.LedgerFile;
import io.salesdesk.ledger.read.LedgerRow;
import io.salesdesk.ledger.read.Ledgers;
import io.salesdesk.ledger.read.ReadLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the error report of an import: a copy of the input sheet's values (.xlsx, streamed, so a
 * large ledger costs no memory) with an added "错误/Error" column that explains each bad row, and
 * each bad cell filled in colour with a comment giving the reason. The clerk fixes the rows in it
 * and imports the fixed rows again.
 */
public final class ErrorReport {

    /** Header of the added column. */
    public static final String ERROR_HEADER = "错误/Error";
    /** Header of the column that gives a bad row's place in the ledger, in a {@link Scope#BAD_ROWS} report. */
    public static final String ROW_HEADER = "原行号/Row";

    /** Which rows the report copies. */
    public enum Scope {
        /** Every row in its place: the import was refused, so the whole fixed sheet goes in again. */
        WHOLE_SHEET,
        /**
         * The title and header rows, then only the bad rows, each with its row number in the
         * ledger: the good rows are already in, and importing the fixed report adds only the rest.
         */
        BAD_ROWS
    }

    private ErrorReport() {
    }

    /** Where the report goes by default: {@code 客户台账.errors.xlsx} beside {@code 客户台账.xlsx}. */
    public static Path defaultPath(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".errors.xlsx");
    }

    /**
     * Writes the report.
     *
     * @param input     the ledger imported
     * @param sheetName the sheet imported
     * @param limits    the reader's limits
     * @param header    the header found (the error column goes after its last column)
     * @param problems  the problems of the import
     * @param describe  the reason of a problem in the user's language
     * @param out       the report file; replaced if it exists
     * @param scope     which rows to copy
     */
    public static void write(Path input, String sheetName, ReadLimits limits, HeaderRow header,
            List<CellProblem> problems, Function<CellProblem, String> describe, Path out, Scope scope) {
        Map<Integer, List<CellProblem>> byRow = problems.stream()
                .collect(Collectors.groupingBy(CellProblem::rowNumber, HashMap::new, Collectors.toList()));
        try (SXSSFWorkbook workbook = new StreamingWorkbook(200);
             LedgerFile ledger = Ledgers.open(input, limits)) {
            SXSSFSheet sheet = workbook.createSheet(safeSheetName(sheetName));
            Styles styles = new Styles(workbook);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            CreationHelper factory = workbook.getCreationHelper();
            int errorColumn = header.headers().size();
            boolean badRowsOnly = scope == Scope.BAD_ROWS;
            int[] nextRow = {header.lastRowNumber()};
            ledger.read(sheetName, row -> {
                List<CellProblem> rowProblems = byRow.getOrDefault(row.rowNumber(), List.of());
                boolean titleOrHeader = row.rowNumber() <= header.lastRowNumber();
                if (badRowsOnly && !titleOrHeader && rowProblems.isEmpty()) {
                    return true;
                }
                Row target = sheet.createRow(badRowsOnly && !titleOrHeader ? nextRow[0]++ : row.rowNumber() - 1);
                copy(row, target, styles);
                if (row.rowNumber() == header.lastRowNumber()) {
                    headerCell(target, errorColumn, ERROR_HEADER, styles);
                    if (badRowsOnly) {
                        headerCell(target, errorColumn + 1, ROW_HEADER, styles);
                    }
                }
                if (!rowProblems.isEmpty()) {
                    mark(target, rowProblems, describe, errorColumn, styles, drawing, factory);
                    if (badRowsOnly) {
                        target.createCell(errorColumn + 1).setCellValue(row.rowNumber());
                    }
                }
                return true;
            });
            sheet.setColumnWidth(errorColumn, 60 * 256);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headerCell(Row target, int column, String text, Styles styles) {
        Cell cell = target.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.errorHeader);
    }

    private static void copy(LedgerRow row, Row target, Styles styles) {
        List<CellValue> cells = row.cells();
        for (int c = 0; c < cells.size(); c++) {
            CellValue value = cells.get(c);
            if (value.isBlank()) {
                continue;
            }
            Cell cell = target.createCell(c);
            switch (value.kind()) {
                case NUMBER:
                    cell.setCellValue(value.number().doubleValue());
                    break;
                case DATE:
                    cell.setCellValue(value.dateTime());
                    cell.setCellStyle(styles.date);
                    break;
                case BOOLEAN:
                    cell.setCellValue(value.asBoolean().orElse(false));
                    break;
                default:
                    cell.setCellValue(value.text());
                    break;
            }
        }
    }

    private static void mark(Row target, List<CellProblem> problems, Function<CellProblem, String> describe,
            int errorColumn, Styles styles, Drawing<?> drawing, CreationHelper factory) {
        List<String> reasons = new ArrayList<>();
        for (CellProblem problem : problems) {
            String reason = describe.apply(problem);
            reasons.add(problem.header() + "：" + reason);
            if (problem.column() < 0 || problem.column() >= errorColumn) {
                continue;
            }
            Cell cell = target.getCell(problem.column());
            if (cell == null) {
                cell = target.createCell(problem.column());
            }
            cell.setCellStyle(cell.getCellStyle() != null && cell.getCellStyle().getDataFormat() != 0
                    ? styles.badDate : styles.bad);
            if (cell.getCellComment() == null) {
                ClientAnchor anchor = factory.createClientAnchor();
                anchor.setCol1(problem.column());
                anchor.setCol2(problem.column() + 3);
                anchor.setRow1(target.getRowNum());
                anchor.setRow2(target.getRowNum() + 3);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(factory.createRichTextString(reason));
                comment.setAuthor("SalesDesk");
                cell.setCellComment(comment);
            }
        }
        Cell error = target.createCell(errorColumn);
        error.setCellValue(String.join("；", reasons));
        error.setCellStyle(styles.errorText);
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    private static String safeSheetName(String name) {
        String safe = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return safe.isEmpty() ? "Sheet1" : safe.length() > 31 ? safe.substring(0, 31) : safe;
    }

    /** The few styles the report uses, created once per workbook. */
    private static final class Styles {
        final CellStyle date;
        final CellStyle bad;
        final CellStyle badDate;
        final CellStyle errorHeader;
        final CellStyle errorText;

        Styles(SXSSFWorkbook workbook) {
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            bad = workbook.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            badDate = workbook.createCellStyle();
            badDate.cloneStyleFrom(bad);
            badDate.setDataFormat(dateFormat);
            Font red = workbook.createFont();
            red.setColor(IndexedColors.DARK_RED.getIndex());
            Font bold = workbook.createFont();
            bold.setBold(true);
            bold.setColor(IndexedColors.DARK_RED.getIndex());
            errorHeader = workbook.createCellStyle();
            errorHeader.setFont(bold);
            errorText = workbook.createCellStyle();
            errorText.setFont(red);
            errorText.setWrapText(true);
        }
    }
}
