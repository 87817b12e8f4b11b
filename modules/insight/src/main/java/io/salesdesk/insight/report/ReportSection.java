package io.salesdesk.insight.report;

import java.util.List;

/**
 * One section of the report laid out as a table, the same for the workbook, the PDF and the
 * screen: a title, typed columns and rows, or the reason there is no row.
 *
 * @param emptyReason "no data: …" when {@code rows} is empty
 */
public record ReportSection(String key, String title, List<Column> columns, List<List<Object>> rows,
                            String emptyReason) {

    public ReportSection {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** How a column's values are written. */
    public enum Kind {
        TEXT, COUNT, MONEY, DATE, TIME
    }

    /**
     * A column.
     *
     * @param width the width in characters a Chinese reader needs
     */
    public record Column(String header, Kind kind, int width) {
    }
}
