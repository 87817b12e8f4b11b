package io.salesdesk.ledger.map;

import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.util.List;
import java.util.Optional;

/**
 * Which ledger column feeds which field. Plain records only, so a confirmed mapping can be saved
 * as JSON and offered again for the next ledger with the same {@code headerSignature}.
 *
 * @param entityKey       the entity mapped to, e.g. {@code customers}
 * @param headerSignature {@link ColumnMapper#headerSignature(List)} of the headers
 * @param columns         the mapped columns, in column order
 * @param unmapped        the columns left out, in column order
 */
public record ColumnMapping(String entityKey, String headerSignature, List<MappedColumn> columns,
        List<UnmappedColumn> unmapped) {

    public ColumnMapping {
        columns = List.copyOf(columns);
        unmapped = List.copyOf(unmapped);
    }

    /** The column mapped to a field. */
    public Optional<MappedColumn> columnFor(String fieldKey) {
        return columns.stream().filter(c -> c.fieldKey().equals(fieldKey)).findFirst();
    }

    /** The required fields of an entity that no column feeds, so the UI can ask for them. */
    public List<LedgerField> missingRequired(LedgerEntity entity) {
        return entity.fields().stream()
                .filter(LedgerField::required)
                .filter(f -> columnFor(f.key()).isEmpty())
                .toList();
    }
}
