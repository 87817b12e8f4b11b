package io.salesdesk.ledger.crm;

import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.CustomerLedger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading a converted row's cells and putting problems on the cell they concern, for the row
 * readers of contacts, follow-ups and team members.
 */
final class RowCells {

    private final ColumnMapping mapping;

    RowCells(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** The cell's text, stripped; {@code null} for blank. */
    static String text(ImportRow row, String field) {
        Object value = row.values().get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** Adds a problem on the field's column (or the whole row if the ledger lacks the column). */
    void problem(ImportRow row, String field, String value, String key, Object... args) {
        Optional<MappedColumn> column = mapping.columnFor(field);
        row.addProblem(new CellProblem(row.rowNumber(), column.map(MappedColumn::column).orElse(-1),
                column.map(MappedColumn::header).orElse(field), value == null ? "" : value, key, List.of(args)));
    }

    /** Refuses text longer than its database column. */
    void checkLength(ImportRow row, String field, String text, int max) {
        if (text != null && text.length() > max) {
            problem(row, field, text, CustomerRowReader.TOO_LONG, text, max);
        }
    }

    /** An id column's value; a problem if it holds something else. */
    UUID id(ImportRow row, String field) {
        String text = text(row, field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            problem(row, field, text, CustomerRowReader.BAD_ID, text);
            return null;
        }
    }

    /** The hidden version column of an exported ledger, or {@code null}. */
    static Long exportedVersion(ImportRow row) {
        return row.values().get(CustomerLedger.VERSION) instanceof Long version ? version : null;
    }

    /** The fields whose column is in the ledger but blank in this row: an edited export clears them. */
    Set<String> blankColumns(ImportRow row) {
        return mapping.columns().stream().map(MappedColumn::fieldKey)
                .filter(field -> !row.values().containsKey(field)).collect(Collectors.toSet());
    }

    /** The field's 0-based column, or -1 if the ledger lacks it. */
    int column(String field) {
        return mapping.columnFor(field).map(MappedColumn::column).orElse(-1);
    }
}
