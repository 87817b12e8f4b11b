package io.salesdesk.ledger.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An Excel 97-2003 (.xls, BIFF8) workbook. BIFF8 sheets are at most 65,536 rows, so POI's
 * in-memory model is bounded and simpler than its event API.
 */
final class XlsLedgerFile implements LedgerFile {

    private final String fileName;
    private final ReadLimits limits;
    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final boolean date1904;
    private final List<SheetInfo> sheets;

    private XlsLedgerFile(String fileName, ReadLimits limits, POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fileName = fileName;
        this.limits = limits;
        this.fs = fs;
        this.workbook = workbook;
        this.date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        List<SheetInfo> list = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            list.add(new SheetInfo(i, workbook.getSheetName(i), visibility(workbook, i)));
        }
        this.sheets = List.copyOf(list);
    }

    /** Takes over {@code fs}: closes it if opening fails, and with the ledger file otherwise. */
    static LedgerFile open(POIFSFileSystem fs, String fileName, ReadLimits limits) {
        try {
            return new XlsLedgerFile(fileName, limits, fs, new HSSFWorkbook(fs));
        } catch (IOException | RuntimeException e) {
            Ole2Container.closeQuietly(fs);
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
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new LedgerReadException(LedgerReadException.NO_SUCH_SHEET, fileName, sheetName);
        }
        if (sheet.getPhysicalNumberOfRows() > limits.maxRows()) {
            throw new LedgerReadException(LedgerReadException.TOO_MANY_ROWS, fileName, limits.maxRows());
        }
        RowLimiter limiter = new RowLimiter(fileName, limits, consumer);
        RowBuilder builder = new RowBuilder(fileName, limits);
        try {
            for (Iterator<Row> rows = sheet.rowIterator(); rows.hasNext(); ) {
                Row row = rows.next();
                builder.start(row.getRowNum() + 1);
                for (Iterator<Cell> cells = row.cellIterator(); cells.hasNext(); ) {
                    Cell cell = cells.next();
                    builder.put(cell.getColumnIndex(), valueOf(cell));
                }
                if (!limiter.offer(builder.build())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            throw ReadFailures.translate(e, fileName);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Read-only: nothing to lose.
        }
        Ole2Container.closeQuietly(fs);
    }

    private CellValue valueOf(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC:
                double number = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(number)) {
                    return CellValue.date(BigDecimal.valueOf(number), DateUtil.getLocalDateTime(number, date1904, true));
                }
                return CellValue.number(number);
            case STRING:
                return CellValue.text(cell.getRichStringCellValue().getString());
            case BOOLEAN:
                return CellValue.bool(cell.getBooleanCellValue());
            case ERROR:
                return CellValue.error(errorText(cell.getErrorCellValue()));
            default:
                return CellValue.BLANK;
        }
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR!";
        }
    }

    private static SheetVisibility visibility(HSSFWorkbook workbook, int index) {
        switch (workbook.getSheetVisibility(index)) {
            case HIDDEN:
                return SheetVisibility.HIDDEN;
            case VERY_HIDDEN:
                return SheetVisibility.VERY_HIDDEN;
            default:
                return SheetVisibility.VISIBLE;
        }
    }
}
