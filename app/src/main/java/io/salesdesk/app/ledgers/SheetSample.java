package io.salesdesk.app.ledgers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.HeaderDetector;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.read.LedgerFile;
import io.salesdesk.ledger.read.LedgerReadException;
import io.salesdesk.ledger.read.LedgerRow;
import io.salesdesk.ledger.read.Ledgers;
import io.salesdesk.ledger.read.ReadLimits;
import io.salesdesk.ledger.read.SheetInfo;

/**
 * The first rows of one sheet, read before the whole import preview: what step ① shows, and the header
 * and synonym mapping step ② starts from even when the preview refuses the file (no column for a
 * required field), so the user can map it by hand.
 *
 * @param sheets    every sheet of the workbook, hidden ones included
 * @param sheetName the sheet read
 * @param rows      its first non-blank rows
 * @param header    the header found in them, if any
 * @param automatic the synonym mapping of that header, or {@code null} without a header
 */
record SheetSample(List<SheetInfo> sheets, String sheetName, List<LedgerRow> rows, Optional<HeaderRow> header,
        ColumnMapping automatic) {

    SheetSample {
        sheets = List.copyOf(sheets);
        rows = List.copyOf(rows);
    }

    /**
     * Opens a ledger and reads the top of a sheet.
     *
     * @param file      the ledger
     * @param sheetName the sheet, or {@code null} for the first visible one (hidden sheets are never
     *                  chosen by default)
     * @param entity    the entity the ledger is imported into, for header detection
     * @param monitor   checked before the (small) read
     * @throws LedgerReadException if the file cannot be read
     */
    static SheetSample read(Path file, String sheetName, LedgerEntity entity, ImportMonitor monitor) {
        try (LedgerFile ledger = Ledgers.open(file, ReadLimits.DEFAULT)) {
            List<SheetInfo> sheets = ledger.sheets();
            String sheet = sheetName != null ? sheetName : defaultSheet(sheets);
            monitor.checkCancelled();
            List<LedgerRow> rows = new ArrayList<>();
            if (sheet != null) {
                ledger.read(sheet, row -> {
                    rows.add(row);
                    return rows.size() < HeaderDetector.ROWS_TO_EXAMINE;
                });
            }
            monitor.checkCancelled();
            ColumnMapper mapper = new ColumnMapper(entity);
            Optional<HeaderRow> header = new HeaderDetector(mapper).detect(rows);
            return new SheetSample(sheets, sheet, rows, header, header.map(h -> mapper.map(h.headers())).orElse(null));
        }
    }

    /** The first visible sheet, else the first one; {@code null} for a workbook without sheets. */
    static String defaultSheet(List<SheetInfo> sheets) {
        return sheets.stream().filter(SheetInfo::visible).findFirst()
                .or(() -> sheets.stream().findFirst())
                .map(SheetInfo::name)
                .orElse(null);
    }
}
