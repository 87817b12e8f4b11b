package io.salesdesk.app.dashboard.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.chart.XYChart;

/**
 * The data behind a chart as a table: a header row and one row per category, what the .xlsx
 * export writes.
 *
 * @param sheet   the sheet's name (at most 31 characters are kept)
 * @param headers column titles
 * @param rows    cells: numbers stay numbers in Excel, everything else is text
 */
public record ChartTable(String sheet, List<String> headers, List<List<Object>> rows) {

    public ChartTable {
        Objects.requireNonNull(sheet, "sheet");
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> (List<Object>) new ArrayList<>(r)).toList();
    }

    /** The chart's categories down, its series across. */
    public static ChartTable of(String sheet, String categoryHeader, XYChart<String, Number> chart) {
        List<String> headers = new ArrayList<>();
        headers.add(categoryHeader);
        List<String> categories = new ArrayList<>();
        for (XYChart.Series<String, Number> series : chart.getData()) {
            headers.add(series.getName());
            for (XYChart.Data<String, Number> d : series.getData()) {
                if (!categories.contains(d.getXValue())) {
                    categories.add(d.getXValue());
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String category : categories) {
            List<Object> row = new ArrayList<>();
            row.add(category);
            for (XYChart.Series<String, Number> series : chart.getData()) {
                row.add(series.getData().stream().filter(d -> d.getXValue().equals(category)).findFirst()
                        .map(XYChart.Data::getYValue).orElse(null));
            }
            rows.add(row);
        }
        return new ChartTable(sheet, headers, rows);
    }
}
