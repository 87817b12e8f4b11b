package io.salesdesk.app.leads;

import java.util.ArrayList;
import java.util.EnumMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadFilter;
import io.salesdesk.dispatch.DispatchResult;

/**
 * 线索: new leads captured and dispatched at once with the reason in words, the leads as a list
 * and as a board by status, the public pool (公海) to claim customers from and, for managers, every
 * rep's load. The views sit behind a segmented switch under the title.
 */
public final class LeadsPage extends BorderPane {

    /** How long the re-balance solver may think; it stops earlier once it no longer improves. */
    private static final Duration REBALANCE_LIMIT = Duration.ofSeconds(20);

    /** The views of the page, in the order of the switch. */
    enum View {
        LIST(Feather.LIST), BOARD(Feather.COLUMNS), POOL(Feather.ANCHOR), LOAD(Feather.ACTIVITY);

        private final Feather icon;

        View(Feather icon) {
            this.icon = icon;
        }
    }

    private final AppContext context;
    private final EventBus bus;
    private final NoticeBar notice = new NoticeBar();
    private final StackPane host = new StackPane();
    private final Map<View, Node> views = new EnumMap<>(View.class);
    private final Map<View, ToggleButton> switches = new EnumMap<>(View.class);
    private final LeadListView list;

    public LeadsPage(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        setId("leadsPage");
        getStyleClass().add("page");
        this.list = new LeadListView(context, bus, notice);
        views.put(View.LIST, list);
        VBox top = new VBox(12, createHeader(), notice);
        setTop(top);
        setCenter(host);
        BorderPane.setMargin(host, new Insets(12, 0, 0, 0));
        show(View.LIST);
        bus.subscribe(Navigation.OpenLead.class, e -> open(e.leadId()));
    }

    /** Opens a lead in the list (e.g. from a dashboard drill-down), if the user may see it. */
    private void open(UUID leadId) {
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.leads().find(actor, leadId)).onSuccess(found -> found.ifPresent(lead -> {
            show(View.LIST);
            list.showNew(lead);
        })).onFailure(ErrorDialogs::show).executeWith(context.executor());
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("leads.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        HBox segments = new HBox();
        segments.getStyleClass().add("leads-switch");
        ToggleGroup group = new ToggleGroup();
        List<View> shown = new ArrayList<>(List.of(View.LIST, View.BOARD, View.POOL));
        if (supervises()) {
            shown.add(View.LOAD);
        }
        for (int i = 0; i < shown.size(); i++) {
            View view = shown.get(i);
            ToggleButton button = new ToggleButton(I18n.get("leads.view." + view.name()), new FontIcon(view.icon));
            button.setId("leadsView-" + view.name());
            button.setToggleGroup(group);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == shown.size() - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setOnAction(e -> show(view));
            switches.put(view, button);
            segments.getChildren().add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(16, title, segments, spacer);
        if (supervises()) {
            Button dispatch = new Button(I18n.get("leads.dispatchWaiting"), new FontIcon(Feather.SHUFFLE));
            dispatch.setId("dispatchWaiting");
            dispatch.setOnAction(e -> dispatchWaiting());
            Button rebalance = new Button(I18n.get("leads.rebalance"), new FontIcon(Feather.SLIDERS));
            rebalance.setId("rebalance");
            rebalance.setOnAction(e -> rebalance(rebalance));
            header.getChildren().addAll(dispatch, rebalance);
        }
        Button create = new Button(I18n.get("leads.new"), new FontIcon(Feather.PLUS));
        create.setId("newLead");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> capture());
        header.getChildren().add(create);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    /** Shows a view, made when first shown, with its data read afresh; what the last one said goes. */
    void show(View view) {
        Node node = views.computeIfAbsent(view, this::create);
        if (!host.getChildren().contains(node)) {
            notice.clear();
        }
        switches.get(view).setSelected(true);
        host.getChildren().setAll(node);
        ((LeadsTab) node).refresh();
    }

    private Node create(View view) {
        return switch (view) {
            case LIST -> list;
            case BOARD -> new LeadBoardView(context, bus, notice);
            case POOL -> new PoolView(context, bus, notice);
            case LOAD -> new LoadView(context);
        };
    }

    /** 新建线索: saved and dispatched at once; the notice says to whom it went and why. */
    private void capture() {
        LeadFormDialog.create(context).showAndWait().ifPresent(result -> {
            Lead lead = result.lead();
            boolean flagged = !result.assignment().assigned() || lead.assignmentFlag() != null
                    && lead.assignmentFlag() != Lead.AssignmentFlag.OVERRIDE;
            show(View.LIST);
            list.showNew(lead);
            Actor actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> context.leads().find(actor, lead.id()).isPresent()).onSuccess(visible -> {
                String said = I18n.get("leads.captured", lead.name(), lead.assignmentReason());
                notice.show(flagged ? NoticeBar.Kind.WARNING : NoticeBar.Kind.SUCCESS,
                        visible ? said : said + I18n.get("leads.captured.otherTeam"));
            }).executeWith(context.executor());
        });
    }

    /** 分配待分配线索: every lead still waiting (imported, or nobody could take it then) is dispatched now. */
    private void dispatchWaiting() {
        Actor actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.leads().count(actor, LeadFilter.unassigned())).onSuccess(waiting -> {
            if (waiting == 0) {
                notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.dispatch.none"));
                return;
            }
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("leads.dispatch.confirm", waiting),
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.setTitle(I18n.get("leads.dispatchWaiting"));
            confirm.setHeaderText(I18n.get("leads.dispatch.header", waiting));
            Stylesheets.addTo(confirm.getDialogPane());
            if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
            BackgroundTask.wrap(() -> context.dispatch().dispatchWaiting(actor))
                    .onSuccess(this::dispatched)
                    .executeWith(context.executor());
        }).executeWith(context.executor());
    }

    /**
     * 重新平衡: the solver proposes an assignment of the whole backlog under the reps' capacities
     * (it may think for up to {@link #REBALANCE_LIMIT}); the manager accepts or rejects it.
     */
    private void rebalance(Button button) {
        Actor actor = context.currentUser().asActor();
        button.setDisable(true);
        notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.rebalance.thinking", REBALANCE_LIMIT.toSeconds()));
        BackgroundTask.wrap(() -> context.dispatch().proposeRebalance(actor, REBALANCE_LIMIT)).onSuccess(plan -> {
            button.setDisable(false);
            notice.clear();
            if (plan.placements().isEmpty()) {
                notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.dispatch.none"));
                return;
            }
            if (new RebalanceDialog(plan).showAndWait().filter(b -> b == RebalanceDialog.ACCEPT).isEmpty()) {
                notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.rebalance.rejected"));
                return;
            }
            BackgroundTask.wrap(() -> context.dispatch().acceptRebalance(actor, plan)).onSuccess(written -> {
                notice.show(NoticeBar.Kind.SUCCESS, I18n.get("leads.rebalance.done", written.size(),
                        String.format(java.util.Locale.ROOT, "%.3f", plan.stdevBefore()),
                        String.format(java.util.Locale.ROOT, "%.3f", plan.stdevAfter())));
                refreshShown();
            }).onFailure(ErrorDialogs::show).executeWith(context.executor());
        }).onFailure(error -> {
            button.setDisable(false);
            notice.clear();
            ErrorDialogs.show(error);
        }).executeWith(context.executor());
    }

    private void refreshShown() {
        host.getChildren().stream().filter(LeadsTab.class::isInstance).map(LeadsTab.class::cast)
                .forEach(LeadsTab::refresh);
    }

    private void dispatched(List<DispatchResult> results) {
        notice.show(DispatchSummary.anyUnassigned(results) ? NoticeBar.Kind.WARNING : NoticeBar.Kind.SUCCESS,
                DispatchSummary.of(results));
        refreshShown();
    }

    private boolean supervises() {
        Role role = context.currentUser().role();
        return role == Role.MANAGER || role.seesEverything();
    }
}
