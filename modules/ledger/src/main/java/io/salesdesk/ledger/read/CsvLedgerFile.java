package io.salesdesk.ledger.read;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV ledger: one sheet named after the file, every value text (typing is the converter's job,
 * as Excel's guesses on opening a CSV are what breaks credit codes and phone numbers).
 */
final class CsvLedgerFile implements LedgerFile {

    private final Path file;
    private final String fileName;
    private final ReadLimits limits;
    private final CsvDialect dialect;
    private final SheetInfo sheet;

    private CsvLedgerFile(Path file, String fileName, ReadLimits limits, CsvDialect dialect) {
        this.file = file;
        this.fileName = fileName;
        this.limits = limits;
        this.dialect = dialect;
        int dot = fileName.lastIndexOf('.');
        this.sheet = new SheetInfo(0, dot > 0 ? fileName.substring(0, dot) : fileName, SheetVisibility.VISIBLE);
    }

    static LedgerFile open(Path file, String fileName, ReadLimits limits) {
        try {
            return new CsvLedgerFile(file, fileName, limits, CsvDialect.detect(file));
        } catch (IOException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, fileName, String.valueOf(e.getMessage()));
        }
    }

    /** The detected dialect, for tests and diagnostics. */
    CsvDialect dialect() {
        return dialect;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public List<SheetInfo> sheets() {
        return List.of(sheet);
    }

    @Override
    public boolean date1904() {
        return false;
    }

    @Override
    public void read(String sheetName, RowConsumer consumer) {
        if (!sheet.name().equals(sheetName)) {
            throw new LedgerReadException(LedgerReadException.NO_SUCH_SHEET, fileName, sheetName);
        }
        RowLimiter limiter = new RowLimiter(fileName, limits, consumer);
        RowBuilder row = new RowBuilder(fileName, limits);
        try (Reader reader = dialect.openReader(file)) {
            CsvRecordReader records = new CsvRecordReader(reader, dialect.delimiter());
            int recordNumber = 0;
            for (List<String> fields = records.next(); fields != null; fields = records.next()) {
                row.start(++recordNumber);
                for (int i = 0; i < fields.size(); i++) {
                    row.put(i, CellValue.text(fields.get(i)));
                }
                if (!limiter.offer(row.build())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, fileName, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            throw ReadFailures.translate(e, fileName);
        }
    }

    @Override
    public void close() {
        // Each read opens and closes the file itself.
    }
}
