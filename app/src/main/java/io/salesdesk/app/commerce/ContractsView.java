package io.salesdesk.app.commerce;

import java.util.List;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.studio.CustomFieldListTools;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.studio.field.CustomEntity;

/**
 * 合同: every contract the user sees with its status, and beside it the one selected — its payment
 * terms, the collection schedule signing created, invoices and payments, attachments — with the
 * next steps its status allows.
 */
final class ContractsView extends BorderPane implements CommerceTab {

    private final AppContext context;
    private final TableView<Contract> table = new TableView<>();
    private final ComboBox<ContractStatus> status = Pickers.optional(
            FXCollections.observableArrayList(ContractStatus.values()), s -> I18n.label("contractStatus", s),
            I18n.get("contracts.allStatuses"));
    private final Label count = new Label();
    private final ContractDetailPane detail;
    private final CustomFieldListTools<Contract> custom;

    ContractsView(AppContext context) {
        this.context = context;
        setId("contractsView");
        detail = new ContractDetailPane(context, this::contractChanged);
        status.setId("contractStatusFilter");
        status.valueProperty().addListener((obs, was, now) -> refresh());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(I18n.get("contracts.fromDeal"), new FontIcon(Feather.FILE_PLUS));
        create.setId("contractFromDeal");
        create.setOnAction(e -> NewContractDialog.open(context, this::contractChanged));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        createTable();
        custom = new CustomFieldListTools<>(context, CustomEntity.CONTRACT, table, Contract::id, "contracts",
                this::refresh);
        HBox filters = new HBox(8, status, custom.filterButton(), count, spacer, custom.columnsButton(), create);
        filters.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.55);
        SplitPane.setResizableWithParent(detail, false);
        setTop(new VBox(filters, custom.chips()));
        setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
    }

    private void createTable() {
        table.setId("contractTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<Contract>text("contracts.col.no", Contract::contractNo, 130),
                Columns.<Contract>text("contracts.col.customer", Contract::customerName, 180),
                Columns.money("contracts.col.amount", Contract::amount, 120),
                Columns.node("contracts.col.status", c -> StatusChips.contract(c.status()), 90),
                Columns.<Contract>text("contracts.col.signedOn", c -> Formats.date(c.signedOn()), 100),
                Columns.<Contract>text("contracts.col.owner", Contract::ownerName, 80)));
        table.setPlaceholder(new Label(I18n.get("contracts.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> detail.show(now));
    }

    @Override
    public void refresh() {
        reload(detail.current() == null ? null : detail.current().id(), null);
    }

    /** Lists the contracts again with this one selected and open (made elsewhere, e.g. from a quote). */
    void open(Contract contract) {
        contractChanged(contract);
    }

    /** A contract was made or moved: list again and show it as it is now. */
    private void contractChanged(Contract changed) {
        reload(changed.id(), changed);
    }

    /**
     * Lists the contracts again and selects {@code keep} (or the first); after a change the detail
     * is shown afresh, and shows {@code changed} even when the filter no longer lists it.
     */
    private void reload(UUID keep, Contract changed) {
        var viewer = context.currentUser().asActor();
        ContractStatus wanted = status.getValue();
        var filters = custom.filters();
        BackgroundTask.wrap(() -> {
                    List<Contract> listed = context.contracts().list(viewer, wanted, null, filters);
                    return new Listed(listed, custom.readValues(listed.stream().map(Contract::id).toList()));
                })
                .onSuccess(read -> {
                    List<Contract> contracts = read.contracts();
                    custom.showValues(read.customValues());
                    table.getItems().setAll(contracts);
                    count.setText(I18n.get("contracts.count", contracts.size()));
                    Contract listed = contracts.stream().filter(c -> c.id().equals(keep)).findFirst().orElse(null);
                    if (listed != null) {
                        table.getSelectionModel().select(listed);
                        table.scrollTo(listed);
                    } else if (changed == null && !contracts.isEmpty()) {
                        table.getSelectionModel().select(0);
                    }
                    if (changed != null) {
                        detail.show(listed != null ? listed : changed);
                    }
                })
                .executeWith(context.executor());
    }

    private record Listed(List<Contract> contracts, java.util.Map<UUID, java.util.Map<String, String>> customValues) {
    }
}
