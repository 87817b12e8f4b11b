package io.salesdesk.app.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.flowdesigner.FlowDesignerWindow;
import io.salesdesk.app.flowdesigner.FlowLabels;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.FlowSummary;

/**
 * 审批流程: every action a flow can be attached to (as the modules register them), with its flow's
 * name, current version and state, and 设计… to open the designer (a new flow when there is none).
 * Only company-wide roles see it; the service refuses everyone else anyway.
 */
final class ApprovalFlowsSection extends VBox {

    /** A trigger with its flow, if it has one. */
    record Line(ApprovalTrigger trigger, Optional<FlowSummary> flow) {
    }

    private final AppContext context;
    private final TableView<Line> table = new TableView<>();

    ApprovalFlowsSection(AppContext context) {
        this.context = context;
        setId("approvalFlowsSection");
        SettingsPage.fillSection(this, I18n.get("flowdesigner.settings.title"), I18n.get("flowdesigner.settings.hint"),
                createTable());
        reload();
    }

    private TableView<Line> createTable() {
        table.setId("approvalFlowTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // As tall as its lines: a handful of triggers, no empty band under them.
        table.setFixedCellSize(44);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems())
                .multiply(44).add(48).map(n -> Math.max(n.doubleValue(), 96)));
        TableColumn<Line, Line> design = new TableColumn<>();
        design.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        design.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Button open = new Button(I18n.get("flowdesigner.settings.design"), new FontIcon(Feather.EDIT_3));
                open.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
                open.setId("flowDesign-" + item.trigger().entity() + "-" + item.trigger().action());
                open.setOnAction(e -> FlowDesignerWindow.open(context, item.trigger(),
                        getScene() == null ? null : getScene().getWindow(), ApprovalFlowsSection.this::reload));
                setGraphic(open);
            }
        });
        design.setPrefWidth(90);
        design.setSortable(false);
        table.getColumns().setAll(List.of(
                column("flowdesigner.settings.col.trigger",
                        l -> FlowLabels.trigger(l.trigger().entity(), l.trigger().action()), 140),
                column("flowdesigner.settings.col.name",
                        l -> l.flow().map(FlowSummary::name).orElse(I18n.get("flowdesigner.settings.noFlow")), 280),
                column("flowdesigner.settings.col.version", l -> l.flow()
                        .map(f -> I18n.get("flowdesigner.settings.version", f.currentVersion())).orElse("—"), 80),
                column("flowdesigner.settings.col.state", l -> I18n.get(l.flow().isEmpty()
                        ? "flowdesigner.settings.state.none" : l.flow().get().active()
                        ? "flowdesigner.settings.state.active" : "flowdesigner.settings.state.inactive"), 150),
                design));
        table.setPlaceholder(new Label(I18n.get("flowdesigner.settings.empty")));
        return table;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void reload() {
        BackgroundTask.wrap(() -> {
            Map<String, FlowSummary> flows = context.approvals().flows().stream()
                    .collect(Collectors.toMap(f -> f.entity() + "/" + f.action(), f -> f, (a, b) -> a));
            return context.approvals().triggers().stream()
                    .map(t -> new Line(t, Optional.ofNullable(flows.get(t.entity() + "/" + t.action())))).toList();
        }).onSuccess(table.getItems()::setAll).executeWith(context.executor());
    }
}
