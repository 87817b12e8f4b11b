package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.model.LedgerField;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Columns another module adds to an entity's exported ledger (the custom fields of the Studio): their
 * fields, whose Chinese labels are the headers the importer maps back, and their values, read a page
 * of records at a time.
 */
public interface ExtraColumns {

    /** No extra columns. */
    ExtraColumns NONE = new ExtraColumns() {
        @Override
        public List<LedgerField> fields() {
            return List.of();
        }

        @Override
        public Map<UUID, Map<String, String>> values(Collection<UUID> recordIds) {
            return Map.of();
        }
    };

    /** The columns, in order, as fields whose keys {@link #values} uses. */
    List<LedgerField> fields();

    /** The values of a page of records, as canonical text by record and field key; blanks absent. */
    Map<UUID, Map<String, String>> values(Collection<UUID> recordIds);
}
