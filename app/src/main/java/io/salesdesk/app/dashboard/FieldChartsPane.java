package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.dashboard.charts.ChartExport;
import io.salesdesk.app.dashboard.charts.ChartTable;
import io.salesdesk.app.studio.CustomFieldEditors;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldBreakdown;
import io.salesdesk.studio.field.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The overview's charts of custom fields a layout asks for, two to a row: how the customers, leads
 * or open deals the viewer sees spread over a field's values now (大客户按攻坚阶段, 商机金额按行业).
 * They count the present, not a period, so the period choice does not change them.
 */
final class FieldChartsPane extends GridPane {

    private final AppContext context;
    private List<CustomField> shown = List.of();

    FieldChartsPane(AppContext context) {
        this.context = context;
        setId("fieldCharts");
        setHgap(12);
        setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        getColumnConstraints().setAll(half, half);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Shows the field charts of a layout, in its order, and reads their figures. */
    void show(DashboardWidgets widgets, List<String> layout) {
        List<CustomField> fields = new ArrayList<>();
        for (String key : layout) {
            if (key.startsWith(DashboardWidgets.FIELD)) {
                widgets.field(key).ifPresent(fields::add);
            }
        }
        shown = List.copyOf(fields);
        refresh();
    }

    /** Reads the shown charts' figures again (the page's refresh). */
    void refresh() {
        List<CustomField> fields = shown;
        setVisible(!fields.isEmpty());
        if (fields.isEmpty()) {
            getChildren().clear();
            return;
        }
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    List<FieldBreakdown> read = new ArrayList<>();
                    for (CustomField f : fields) {
                        context.customFields().breakdown(viewer, f.entity(), f.key()).ifPresent(read::add);
                    }
                    List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER)
                            ? context.users().all() : List.of();
                    return new Read(read, people);
                })
                .onSuccess(read -> {
                    if (fields != shown) {
                        return; // the layout changed meanwhile; its own read draws
                    }
                    getChildren().clear();
                    for (int i = 0; i < read.breakdowns().size(); i++) {
                        VBox card = card(read.breakdowns().get(i), read.people());
                        GridPane.setHgrow(card, Priority.ALWAYS);
                        add(card, i % 2, i / 2);
                    }
                })
                .executeWith(context.executor());
    }

    private record Read(List<FieldBreakdown> breakdowns, List<User> people) {
    }

    /** One field's chart: deals by amount (万元), customers and leads by count. */
    private VBox card(FieldBreakdown breakdown, List<User> people) {
        CustomField field = breakdown.field();
        boolean deals = field.entity() == CustomEntity.OPPORTUNITY;
        String title = DashboardWidgets.title(field);
        NumberAxis values = new NumberAxis();
        values.setLabel(deals ? I18n.get("dashboard.chart.wan") : I18n.get("dashboard.field.count"));
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), values);
        chart.setId("fieldChart-" + field.entity().name() + "-" + field.key());
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        chart.setCategoryGap(14);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(title);
        // Records without a value are said above the chart, not drawn: in a young field they outnumber
        // the rest so far that the bars worth reading would be slivers.
        List<FieldBreakdown.Slice> slices = breakdown.slices();
        for (FieldBreakdown.Slice slice : slices) {
            String name = CustomFieldEditors.display(field, slice.value(), people, context.clock());
            String category = I18n.get("dashboard.field.category", name, slice.count());
            Number value = deals ? wan(slice.amount()) : slice.count();
            series.getData().add(new XYChart.Data<>(category, value));
        }
        chart.getData().add(series);

        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label now = new Label(breakdown.unset().count() == 0 ? I18n.get("dashboard.field.asOfNow")
                : I18n.get("dashboard.field.asOfNowUnset", Formats.count(breakdown.unset().count())));
        now.setId(chart.getId() + "-note");
        now.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, now, spacer, ChartExport.buttons(chart.getId(), chart,
                () -> ChartTable.of(title, field.label(), chart), () -> title));
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, bar, chart);
        card.getStyleClass().add("chart-card");
        if (slices.isEmpty()) {
            Label none = new Label(I18n.get("dashboard.field.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            card.getChildren().set(1, none);
        }
        return card;
    }

    private static BigDecimal wan(BigDecimal amount) {
        return Optional.ofNullable(amount).orElse(BigDecimal.ZERO).divide(BigDecimal.valueOf(10_000), 1,
                RoundingMode.HALF_UP);
    }
}
