package io.salesdesk.ledger.convert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ledger row as field values, with the problems of the cells that did not convert.
 *
 * @param rowNumber 1-based row number as Excel shows it
 * @param values    field key to value; fields whose cell was blank or had a problem are absent
 * @param problems  the problems, in column order
 */
public record ConvertedRow(int rowNumber, Map<String, Object> values, List<CellProblem> problems) {

    public ConvertedRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Tells whether every cell converted and every required field has a value. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
