package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.HeaderRow;
import java.nio.file.Path;
import java.util.List;

/**
 * What an import will do, before anything is written: the file, header and mapping found, and
 * every row with its problems and planned action. Change row decisions here, then commit it.
 *
 * @param file          the ledger file
 * @param sha256        the file's SHA-256, recorded in the history
 * @param sheetName     the sheet read
 * @param header        the header found
 * @param mapping       the column mapping used
 * @param mappingSource where the mapping came from
 * @param request       what the user asked for
 * @param rows          the data rows, top to bottom
 */
public record ImportPreview(Path file, String sha256, String sheetName, HeaderRow header, ColumnMapping mapping,
        MappingSource mappingSource, ImportRequest request, List<ImportRow> rows) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    /** The counts as the rows stand now. */
    public ImportCounts counts() {
        return ImportCounts.of(rows);
    }

    /** Every problem of every row, top to bottom. */
    public List<CellProblem> problems() {
        return rows.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** Tells whether committing would write nothing because of invalid rows (all or nothing). */
    public boolean blockedByErrors() {
        return counts().invalid() > 0 && !request.skipInvalid();
    }
}
