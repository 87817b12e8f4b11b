package io.salesdesk.ledger.commerce;

import io.salesdesk.core.Actor;
import io.salesdesk.commerce.Managers;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.LedgerImportException;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reading converted cells of catalogue and stock rows and putting problems on the cell they concern. */
final class Cells {

    /** Someone other than a manager, ops or an administrator tried; argument 0 is the entity's label. */
    static final String MANAGERS_ONLY = "ledger.import.stockManagersOnly";

    private final ColumnMapping mapping;

    Cells(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    static void requireManager(Actor actor, String label) {
        if (!Managers.isManager(actor)) {
            throw new LedgerImportException(MANAGERS_ONLY, label);
        }
    }

    static String text(ImportRow row, String field) {
        Object value = row.values().get(field);
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    static BigDecimal decimal(ImportRow row, String field) {
        Object value = row.values().get(field);
        return value instanceof BigDecimal d ? d : value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    boolean mapped(String field) {
        return mapping.columnFor(field).isPresent();
    }

    void problem(ImportRow row, String field, Object value, String key, Object... args) {
        Optional<MappedColumn> column = mapping.columnFor(field);
        row.addProblem(new CellProblem(row.rowNumber(), column.map(MappedColumn::column).orElse(-1),
                column.map(MappedColumn::header).orElse(field), value == null ? "" : value.toString(), key,
                List.of(args)));
    }
}
