package io.salesdesk.ledger.convert;

import java.util.List;
import java.util.Map;

/**
 * One ledger row as field values, with the problems of the cells that did not convert.
 *
 * @param rowNumber 1-based row number as Excel shows it
 * @param values    field key to value, in no particular order; fields whose cell was blank or had a
 *                  problem are absent
 * @param problems  the problems, in column order
 */
public record ConvertedRow(int rowNumber, Map<String, Object> values, List<CellProblem> problems) {

    public ConvertedRow {
        // A compact immutable map: a 100,000-row import holds every row until it commits, and a
        // LinkedHashMap per row cost about 700 bytes more.
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** Tells whether every cell converted and every required field has a value. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
