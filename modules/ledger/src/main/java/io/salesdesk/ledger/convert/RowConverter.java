package io.salesdesk.ledger.convert;

import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.ledger.read.CellValue;
import io.salesdesk.ledger.read.LedgerRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts whole rows with a confirmed column mapping, checking required fields too. */
public final class RowConverter {

    private final LedgerEntity entity;
    private final ColumnMapping mapping;
    private final CellConverter cells;

    /**
     * A converter for rows of one sheet.
     *
     * @param entity  the entity imported into
     * @param mapping the confirmed mapping of the sheet's columns
     * @param context what is known about the file
     */
    public RowConverter(LedgerEntity entity, ColumnMapping mapping, ConversionContext context) {
        this.entity = entity;
        this.mapping = mapping;
        this.cells = new CellConverter(context);
    }

    /** Converts one data row. */
    public ConvertedRow convert(LedgerRow row) {
        Map<String, Object> values = new HashMap<>();
        List<CellProblem> problems = new ArrayList<>();
        for (MappedColumn column : mapping.columns()) {
            LedgerField field = entity.field(column.fieldKey()).orElse(null);
            if (field == null) {
                continue;
            }
            CellValue cell = row.cell(column.column());
            Conversion conversion = cells.convert(cell, field, column.scale());
            if (!conversion.ok()) {
                problems.add(new CellProblem(row.rowNumber(), column.column(), column.header(), cell.text(),
                        conversion.messageKey(), conversion.args()));
            } else if (conversion.value() != null) {
                values.put(field.key(), conversion.value());
            } else if (field.required()) {
                problems.add(new CellProblem(row.rowNumber(), column.column(), column.header(), "",
                        Conversion.REQUIRED, List.of(field.labelZh())));
            }
        }
        return new ConvertedRow(row.rowNumber(), values, problems);
    }
}
