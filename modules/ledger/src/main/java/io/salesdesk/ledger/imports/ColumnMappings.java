package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.HeaderText;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.map.UnmappedColumn;
import io.salesdesk.ledger.model.FieldType;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a column mapping from a user's or saved choice of header → field, over the automatic one. */
final class ColumnMappings {

    private ColumnMappings() {
    }

    /**
     * Applies chosen fields to headers. Columns the choice names get its field (or none); the others
     * keep the automatic mapping unless it maps a field the choice has given to another column.
     *
     * @param fileName  for messages
     * @param entity    the entity
     * @param headers   header texts by column
     * @param automatic the synonym mapping of the same headers
     * @param chosen    header text → field key ("" to leave out)
     * @throws LedgerImportException if the choice names an unknown field
     */
    static ColumnMapping apply(String fileName, LedgerEntity entity, List<String> headers, ColumnMapping automatic,
            Map<String, String> chosen) {
        Map<String, String> byHeader = new HashMap<>();
        chosen.forEach((header, field) -> {
            String fieldKey = field == null ? "" : field.strip();
            if (!fieldKey.isEmpty() && entity.field(fieldKey).isEmpty()) {
                throw new LedgerImportException(LedgerImportException.UNKNOWN_FIELD, fileName, fieldKey);
            }
            byHeader.put(HeaderText.of(header).normalised(), fieldKey);
        });
        String[] fieldOf = new String[headers.size()];
        Set<String> chosenFields = new HashSet<>();
        for (int c = 0; c < headers.size(); c++) {
            String key = HeaderText.of(headers.get(c)).normalised();
            if (!key.isEmpty() && byHeader.containsKey(key)) {
                fieldOf[c] = byHeader.get(key);
                chosenFields.add(fieldOf[c]);
            }
        }
        for (MappedColumn column : automatic.columns()) {
            int c = column.column();
            if (c < fieldOf.length && fieldOf[c] == null && !chosenFields.contains(column.fieldKey())) {
                fieldOf[c] = column.fieldKey();
            }
        }
        List<MappedColumn> mapped = new ArrayList<>();
        List<UnmappedColumn> unmapped = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c) == null ? "" : headers.get(c);
            if (fieldOf[c] != null && !fieldOf[c].isEmpty() && used.add(fieldOf[c])) {
                mapped.add(new MappedColumn(c, header, fieldOf[c], scale(entity, fieldOf[c], header)));
            } else if (!HeaderText.of(header).isEmpty()) {
                unmapped.add(new UnmappedColumn(c, header));
            }
        }
        return new ColumnMapping(entity.key(), ColumnMapper.headerSignature(headers), mapped, unmapped);
    }

    private static BigDecimal scale(LedgerEntity entity, String fieldKey, String header) {
        FieldType type = entity.field(fieldKey).map(LedgerField::type).orElse(FieldType.TEXT);
        return type == FieldType.MONEY || type == FieldType.DECIMAL ? HeaderText.of(header).scale() : BigDecimal.ONE;
    }
}
