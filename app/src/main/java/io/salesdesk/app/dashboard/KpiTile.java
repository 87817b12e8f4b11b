package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.insight.kpi.KpiComparison;
import io.salesdesk.insight.kpi.KpiFigure;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.insight.kpi.KpiReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One KPI tile: the figure, its change against the comparison period with an arrow coloured by
 * whether the change is good news, the baseline, a six-month sparkline, or why there is no figure.
 */
final class KpiTile extends VBox {

    private final KpiKind kind;
    private final Label value = new Label("—");
    private final Label delta = new Label();
    private final Label baseline = new Label();
    private final LineChart<Number, Number> sparkline;

    KpiTile(KpiKind kind, Runnable onOpen) {
        super(4);
        this.kind = kind;
        setId("tile" + kind.name());
        getStyleClass().add("kpi-tile");
        Label caption = new Label(KpiText.label(kind));
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, "kpi-caption");
        Tooltip.install(this, new Tooltip(I18n.get("kpi.help." + kind.name())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        FontIcon drill = new FontIcon(Feather.CHEVRON_RIGHT);
        drill.getStyleClass().add("kpi-drill-icon");
        HBox top = new HBox(4, caption, spacer, drill);
        top.setAlignment(Pos.CENTER_LEFT);
        value.setId("tile" + kind.name() + "Value");
        value.getStyleClass().addAll(Styles.TITLE_2, "kpi-value");
        delta.setId("tile" + kind.name() + "Delta");
        delta.getStyleClass().add("kpi-delta");
        baseline.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        baseline.setWrapText(true);
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        for (NumberAxis axis : List.of(x, y)) {
            axis.setVisible(false);
            axis.setTickLabelsVisible(false);
            axis.setTickMarkVisible(false);
            axis.setMinorTickVisible(false);
            axis.setForceZeroInRange(false);
        }
        sparkline = new LineChart<>(x, y);
        sparkline.getStyleClass().add("kpi-sparkline");
        sparkline.setLegendVisible(false);
        sparkline.setAnimated(false);
        sparkline.setCreateSymbols(false);
        sparkline.setHorizontalGridLinesVisible(false);
        sparkline.setVerticalGridLinesVisible(false);
        sparkline.setHorizontalZeroLineVisible(false);
        sparkline.setVerticalZeroLineVisible(false);
        sparkline.setPrefHeight(42);
        sparkline.setMinHeight(42);
        sparkline.setMaxHeight(42);
        sparkline.setMouseTransparent(true);
        getChildren().addAll(top, value, delta, baseline, sparkline);
        setCursor(Cursor.HAND);
        setOnMouseClicked(e -> onOpen.run());
    }

    /** Shows the figure of {@code comparison}'s current period and its change. */
    void show(KpiComparison comparison) {
        KpiFigure now = comparison.current().figure(kind);
        KpiFigure before = comparison.baseline().figure(kind);
        value.setText(KpiText.value(now));
        value.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), !now.hasValue());
        delta.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        Optional<BigDecimal> change = comparison.delta(kind);
        if (!now.hasValue()) {
            delta.setGraphic(null);
            delta.setText(KpiText.reason(now));
            delta.getStyleClass().add(Styles.TEXT_MUTED);
        } else if (change.isEmpty()) {
            delta.setGraphic(null);
            delta.setText(I18n.get("dashboard.tile.noBaseline"));
            delta.getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            BigDecimal d = change.get();
            Feather arrow = d.signum() > 0 ? Feather.ARROW_UP_RIGHT : d.signum() < 0 ? Feather.ARROW_DOWN_RIGHT
                    : Feather.MINUS;
            delta.setGraphic(new FontIcon(arrow));
            String percent = comparison.deltaPercent(kind).map(p -> " (" + (p.signum() > 0 ? "+" : "")
                    + p.toPlainString() + "%)").orElse("");
            delta.setText(KpiText.delta(kind, d) + percent);
            boolean good = d.signum() != 0 && (d.signum() > 0) == kind.higherIsBetter();
            delta.getStyleClass().add(d.signum() == 0 ? Styles.TEXT_MUTED : good ? Styles.SUCCESS : Styles.DANGER);
        }
        String against = I18n.get(comparison.periods().isBeforeAfter() ? "dashboard.tile.before"
                : "dashboard.tile.previous", KpiText.value(before));
        baseline.setText(now.excluded() == 0 ? against
                : against + "\n" + I18n.get("dashboard.tile.excluded", now.excluded()));
    }

    /** Draws the six-month trend, months without a figure left out. */
    void showTrend(List<KpiReport> months) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (int i = 0; i < months.size(); i++) {
            KpiFigure f = months.get(i).figure(kind);
            if (f.hasValue()) {
                series.getData().add(new XYChart.Data<>(i, f.value().doubleValue()));
            }
        }
        sparkline.getData().setAll(List.of(series));
    }
}
