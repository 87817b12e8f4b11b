package io.salesdesk.app.leads;

import java.util.List;
import java.util.function.Function;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.customers.TierBadge;
import io.salesdesk.app.studio.rules.RulesOnSave;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.pool.PoolCustomer;

/**
 * 公海: the customers of the user's region that nobody owns, with when and why they came back,
 * and a 领取 button on each; how many claims are left today is always in sight.
 */
final class PoolView extends BorderPane implements LeadsTab {

    private final AppContext context;
    private final EventBus bus;
    private final NoticeBar notice;
    private final TableView<PoolCustomer> table = new TableView<>();
    private final Label claimsLeft = new Label();
    private final Label size = new Label();
    private final CustomTextField search = new CustomTextField();
    private long generation;
    private int poolSize;

    PoolView(AppContext context, EventBus bus, NoticeBar notice) {
        this.context = context;
        this.bus = bus;
        this.notice = notice;
        setId("poolView");
        setTop(createBar());
        setCenter(createTable());
        BorderPane.setMargin(table, new Insets(10, 0, 0, 0));
    }

    private HBox createBar() {
        search.setId("poolSearch");
        search.setPromptText(I18n.get("leads.pool.search.prompt"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(280);
        PauseTransition debounce = new PauseTransition(Duration.millis(150));
        debounce.setOnFinished(e -> refresh());
        search.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
        size.setId("poolSize");
        size.getStyleClass().add(Styles.TEXT_MUTED);
        claimsLeft.setId("claimsLeft");
        claimsLeft.setGraphic(new FontIcon(Feather.ANCHOR));
        claimsLeft.getStyleClass().add("claims-left");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, search, size, spacer, claimsLeft);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<PoolCustomer> createTable() {
        table.setId("poolTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        var clock = context.clock();
        TableColumn<PoolCustomer, PoolCustomer> tier = new TableColumn<>(I18n.get("leads.pool.col.tier"));
        tier.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        tier.setCellFactory(c -> cell(p -> TierBadge.of(p.tier())));
        tier.setPrefWidth(52);
        tier.setMinWidth(52);
        table.getColumns().setAll(List.of(
                column("leads.pool.col.name", PoolCustomer::name, 230),
                tier,
                column("leads.pool.col.industry", p -> p.industry() == null ? "" : I18n.get("industry." + p.industry()), 78),
                column("leads.pool.col.region", p -> p.regionName() == null ? "" : p.regionName(), 150),
                column("leads.pool.col.lastFollowUp", p -> Formats.relative(p.lastFollowUpAt(), clock), 82),
                column("leads.pool.col.pooledAt", p -> p.pooledAt() == null ? I18n.get("leads.pool.neverOwned")
                        : Formats.relative(p.pooledAt(), clock), 82),
                column("leads.pool.col.reason", p -> p.poolReason() == null ? "" : p.poolReason(), 200),
                column("leads.pool.col.previousOwner", p -> p.previousOwnerName() == null ? "" : p.previousOwnerName(), 72),
                claimColumn()));
        table.setPlaceholder(emptyState());
        return table;
    }

    private static TableColumn<PoolCustomer, String> column(String key, Function<PoolCustomer, String> value,
                                                            double width) {
        TableColumn<PoolCustomer, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue() == null ? "" : value.apply(f.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 60));
        return column;
    }

    private TableColumn<PoolCustomer, PoolCustomer> claimColumn() {
        TableColumn<PoolCustomer, PoolCustomer> column = new TableColumn<>();
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.setCellFactory(c -> new ClaimCell());
        column.setPrefWidth(84);
        column.setMinWidth(84);
        column.setSortable(false);
        return column;
    }

    private static TableCell<PoolCustomer, PoolCustomer> cell(Function<PoolCustomer, Node> graphic) {
        return new TableCell<>() {
            @Override
            protected void updateItem(PoolCustomer item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        };
    }

    /** A row's 领取 button: one per cell, pointed at the row's customer as the cell is reused. */
    private final class ClaimCell extends TableCell<PoolCustomer, PoolCustomer> {

        private final Button claim = new Button(I18n.get("leads.pool.claim"), new FontIcon(Feather.LOG_IN));

        ClaimCell() {
            claim.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, "claim-button");
        }

        @Override
        protected void updateItem(PoolCustomer item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            claim.setId("claim-" + item.id());
            claim.setOnAction(e -> claim(item));
            setGraphic(claim);
        }
    }

    @Override
    public void refresh() {
        Actor viewer = context.currentUser().asActor();
        String text = search.getText() == null ? "" : search.getText().strip();
        long mine = ++generation;
        BackgroundTask.wrap(() -> new Snapshot(context.pool().pool(viewer, text), context.pool().poolSize(viewer),
                        allowance(viewer)))
                .onSuccess(snapshot -> {
                    if (mine == generation) {
                        table.getItems().setAll(snapshot.customers());
                        showSize(snapshot.size());
                        show(snapshot.allowance());
                    }
                })
                .executeWith(context.executor());
    }

    private Allowance allowance(Actor actor) {
        return new Allowance(context.pool().claimsLeftToday(actor), context.pool().dailyClaimLimit());
    }

    private void showSize(int customers) {
        poolSize = customers;
        size.setText(I18n.get("leads.pool.size", Formats.count(customers)));
    }

    /** 今日还可领取 N / M, in red when none are left. */
    private void show(Allowance allowance) {
        claimsLeft.setText(I18n.get("leads.pool.claimsLeft", allowance.left(), allowance.limit()));
        claimsLeft.getStyleClass().remove("claims-none");
        if (allowance.left() == 0) {
            claimsLeft.getStyleClass().add("claims-none");
        }
    }

    /** Claims the customer: it leaves the pool and becomes the user's; a refusal says why. */
    private void claim(PoolCustomer customer) {
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
            context.pool().claim(actor, customer.id());
            return allowance(actor);
        }).onSuccess(left -> {
            RulesOnSave.customer(context, customer.id());
            table.getItems().remove(customer);
            showSize(Math.max(0, poolSize - 1));
            show(left);
            notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.pool.claimed", customer.name()), I18n.get("leads.openCustomer"),
                    () -> bus.publish(new Navigation.OpenCustomer(customer.id(), customer.name())));
        }).onFailure(error -> {
            if (error instanceof SalesDeskException refused) {
                notice.show(NoticeBar.Kind.DANGER, I18n.get("leads.pool.claimRefused", customer.name(),
                        I18n.message(refused)));
                refresh(); // taken by someone else: it is gone from the pool
            } else {
                ErrorDialogs.show(error);
            }
        }).executeWith(context.executor());
    }

    private static VBox emptyState() {
        FontIcon icon = new FontIcon(Feather.ANCHOR);
        icon.getStyleClass().add("empty-icon");
        Label text = new Label(I18n.get("leads.pool.empty"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** How many claims are left today of the daily limit. */
    private record Allowance(int left, int limit) {
    }

    private record Snapshot(List<PoolCustomer> customers, int size, Allowance allowance) {
    }
}
