package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.FunnelNode;
import io.salesdesk.insight.funnel.Measure;
import io.salesdesk.insight.funnel.MeasureText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits a funnel's name, scope and nodes: each node a name, what it measures, the activity kind and
 * note keyword that count, the stage, the window in days and the threshold. The service validates;
 * a refusal says which node and field to fix.
 */
final class FunnelEditDialog extends Dialog<Funnel> {

    private static final Logger LOG = LoggerFactory.getLogger(FunnelEditDialog.class);

    private final Funnel original;
    private final List<OpportunityStage> stages;
    private final TextField name = new TextField();
    private final TextField products = new TextField();
    private final CheckBox enabled = new CheckBox(I18n.get("funnel.edit.enabled"));
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();

    FunnelEditDialog(Funnel funnel, List<OpportunityStage> stages, MeasureText words) {
        this.original = funnel;
        this.stages = stages;
        setTitle(I18n.get(funnel == null ? "funnel.new" : "funnel.edit"));
        name.setId("funnelName");
        name.setPromptText(I18n.get("funnel.edit.namePrompt"));
        products.setId("funnelProducts");
        products.setPromptText(I18n.get("funnel.edit.productsPrompt"));
        enabled.setSelected(funnel == null || funnel.enabled());
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setId("funnelNodes");
        String[] headers = {"funnel.edit.col.name", "funnel.edit.col.measure", "funnel.edit.col.kind",
            "funnel.edit.col.keyword", "funnel.edit.col.stage", "funnel.edit.col.days", "funnel.edit.col.threshold"};
        for (int i = 0; i < headers.length; i++) {
            Label h = new Label(I18n.get(headers[i]));
            h.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(h, i, 0);
        }
        if (funnel != null) {
            name.setText(funnel.name());
            products.setText(funnel.productFilter() == null ? "" : funnel.productFilter());
            funnel.nodes().forEach(n -> addRow(n, words));
        } else {
            addRow(null, words);
        }
        Button add = new Button(I18n.get("funnel.edit.addNode"), new FontIcon(Feather.PLUS));
        add.setId("funnelAddNode");
        add.setOnAction(e -> addRow(null, words));
        Label hint = new Label(I18n.get("funnel.edit.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox content = new VBox(8, new Label(I18n.get("funnel.edit.name")), name,
                new Label(I18n.get("funnel.edit.products")), products, enabled, grid, add, hint);
        content.setPrefWidth(1000);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Stylesheets.addTo(getDialogPane());
        setResultConverter(b -> b == ButtonType.OK ? result() : null);
    }

    /** Tells the user why the service refused the funnel. */
    static void refused(Throwable error) {
        if (!(error instanceof SalesDeskException)) {
            LOG.error("Saving a funnel failed", error);
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, InsightTexts.refusal(error), ButtonType.OK);
        alert.setHeaderText(I18n.get("funnel.edit.refused"));
        Stylesheets.addTo(alert.getDialogPane());
        alert.show();
    }

    private void addRow(FunnelNode node, MeasureText words) {
        Row row = new Row(node == null ? null : node.id(), words);
        if (node != null) {
            row.fill(node);
        }
        rows.add(row);
        layoutRows();
    }

    private void layoutRows() {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            grid.addRow(i + 1, r.name, r.measure, r.kind, r.keyword, r.stage, r.days, r.threshold, r.remove);
        }
    }

    private Funnel result() {
        List<FunnelNode> nodes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            nodes.add(rows.get(i).toNode(i + 1));
        }
        return new Funnel(original == null ? null : original.id(), name.getText(), products.getText(),
                enabled.isSelected(), original == null ? 0 : original.version(), nodes);
    }

    /** One node's fields. */
    private final class Row {
        final UUID id;
        final TextField name = new TextField();
        final ComboBox<Measure.Kind> measure = new ComboBox<>();
        final ComboBox<ActivityKind> kind = new ComboBox<>();
        final TextField keyword = new TextField();
        final ComboBox<String> stage = new ComboBox<>();
        final TextField days = new TextField();
        final TextField threshold = new TextField();
        final Button remove = new Button(null, new FontIcon(Feather.TRASH_2));

        Row(UUID id, MeasureText words) {
            this.id = id;
            int index = rows.size() + 1;
            name.setId("nodeName" + index);
            threshold.setId("nodeThreshold" + index);
            measure.setId("nodeMeasure" + index);
            measure.getItems().setAll(Measure.Kind.values());
            cells(measure, k -> k == null ? "" : words.kindName(k));
            measure.setValue(Measure.Kind.ACTIVITY_COUNT);
            List<ActivityKind> kinds = new ArrayList<>();
            kinds.add(null);
            kinds.addAll(Arrays.asList(ActivityKind.values()));
            kind.getItems().setAll(kinds);
            cells(kind, k -> k == null ? I18n.get("funnel.edit.anyKind") : I18n.label("activityKind", k));
            List<String> codes = new ArrayList<>();
            codes.add(null);
            stages.forEach(s -> codes.add(s.code()));
            stage.getItems().setAll(codes);
            cells(stage, code -> code == null ? I18n.get("funnel.edit.noStage") : stages.stream()
                    .filter(s -> s.code().equals(code)).map(s -> s.name(I18n.locale())).findFirst().orElse(code));
            keyword.setPrefColumnCount(6);
            days.setPrefColumnCount(4);
            threshold.setPrefColumnCount(4);
            name.setPrefColumnCount(12);
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setOnAction(e -> {
                rows.remove(this);
                layoutRows();
            });
        }

        void fill(FunnelNode node) {
            name.setText(node.name());
            Measure m = node.measure();
            measure.setValue(m.kind());
            if (m instanceof Measure.ActivityBeforeStage b) {
                kind.setValue(b.activityKind());
                keyword.setText(text(b.keyword()));
                stage.setValue(b.stage());
            } else if (m instanceof Measure.ActivityCount c) {
                kind.setValue(c.activityKind());
                keyword.setText(text(c.keyword()));
                stage.setValue(c.fromStage());
                days.setText(String.valueOf(c.days()));
                threshold.setText(String.valueOf(c.minimum()));
            } else if (m instanceof Measure.ReplyWithin w) {
                kind.setValue(w.activityKind());
                keyword.setText(text(w.keyword()));
                threshold.setText(String.valueOf(w.hours()));
            } else if (m instanceof Measure.StageWithin s) {
                stage.setValue(s.stage());
                threshold.setText(String.valueOf(s.days()));
            }
        }

        FunnelNode toNode(int order) {
            Measure.Kind k = measure.getValue() == null ? Measure.Kind.ACTIVITY_COUNT : measure.getValue();
            String kw = keyword.getText() == null || keyword.getText().isBlank() ? null : keyword.getText().strip();
            Measure m = switch (k) {
                case ACTIVITY_BEFORE_STAGE -> new Measure.ActivityBeforeStage(kind.getValue(), kw, stage.getValue());
                case ACTIVITY_COUNT -> new Measure.ActivityCount(kind.getValue(), kw, stage.getValue(),
                        number(days), number(threshold));
                case REPLY_WITHIN -> new Measure.ReplyWithin(kind.getValue(), kw, number(threshold));
                case STAGE_WITHIN -> new Measure.StageWithin(stage.getValue(), number(threshold));
            };
            return new FunnelNode(id, order, name.getText(), m);
        }
    }

    /** A whole number from a field; anything else is -1, which the service refuses with the node's number. */
    private static int number(TextField field) {
        try {
            return Integer.parseInt(field.getText().strip());
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> void cells(ComboBox<T> box, Function<T, String> text) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }
}
