package io.salesdesk.app.leads;

import java.util.UUID;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.ExportBar;
import io.salesdesk.ledger.crm.LeadExport;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.studio.CustomFieldListTools;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.studio.field.CustomEntity;

/** 线索 list: search and status filter, the table, and the selected lead's detail on the right. */
final class LeadListView extends BorderPane implements LeadsTab {

    private final LeadListViewModel model;
    private final LeadTable table;
    private final LeadDetailPane detail;
    private final CustomFieldListTools<Lead> custom;
    private final AppContext context;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(150));
    /** Set while filters are reset in code, so that resetting them does not search on its own. */
    private boolean quiet;

    LeadListView(AppContext context, EventBus bus, NoticeBar notice) {
        this.context = context;
        this.model = new LeadListViewModel(context.leads(), () -> context.currentUser().asActor(), context.executor());
        this.table = new LeadTable(context);
        this.detail = new LeadDetailPane(context, new LeadActions(context, bus, notice, this::leadChanged));
        this.custom = new CustomFieldListTools<>(context, CustomEntity.LEAD, table, Lead::id, "leads",
                () -> reload(true));
        model.setCustomFields(new LeadListViewModel.CustomFields(custom::filters, custom::readValues,
                custom::showValues, custom::clear));
        setId("leadList");
        setTop(new VBox(createFilters(), custom.chips()));
        SortedList<Lead> sorted = new SortedList<>(model.items());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                detail.show(now);
            }
        });
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
    }

    private HBox createFilters() {
        CustomTextField search = new CustomTextField();
        search.setId("leadSearch");
        search.setPromptText(I18n.get("leads.search.prompt"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(model.searchTextProperty());
        debounce.setOnFinished(e -> reload(true));
        model.searchTextProperty().addListener((obs, old, now) -> {
            if (!quiet) {
                debounce.playFromStart();
            }
        });

        ComboBox<LeadStatus> status = Pickers.optional(FXCollections.observableArrayList(LeadStatus.values()),
                LeadTexts::status, I18n.get("leads.filter.allStatuses"));
        status.setId("leadStatusFilter");
        status.valueProperty().bindBidirectional(model.statusProperty());
        model.statusProperty().addListener((obs, old, now) -> {
            if (!quiet) {
                reload(true);
            }
        });

        Label count = new Label();
        count.setId("leadCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.countProperty().map(n -> I18n.get("leads.count", Formats.count(n.longValue()))));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ExportBar export = new ExportBar(context, "exportLeads", "leads.export", () -> {
            var filter = model.filter();
            var actor = context.currentUser().asActor();
            LeadExport leads = new LeadExport(context.database(), context.clock(), context.regions());
            return out -> leads.export(actor, filter, out, ImportMonitor.NONE);
        });
        HBox filters = new HBox(8, search, status, custom.filterButton(), count, busy, spacer, custom.columnsButton(),
                export);
        filters.setAlignment(Pos.CENTER_LEFT);
        return filters;
    }

    @Override
    public void refresh() {
        reload(false);
    }

    /**
     * Reads the list again. The lead in the detail stays shown, and selected while it is listed; when
     * the search or filter changed and it no longer matches, the first match is shown instead.
     */
    private void reload(boolean filterChanged) {
        Lead kept = detail.current();
        model.reload(() -> keep(kept, filterChanged));
    }

    /** A lead changed (or was just made): its detail is read afresh and the list again around it. */
    void leadChanged(UUID leadId) {
        BackgroundTask.wrap(() -> context.leads().find(context.currentUser().asActor(), leadId))
                .onSuccess(found -> {
                    detail.show(found.orElse(null));
                    reload(false);
                })
                .executeWith(context.executor());
    }

    /**
     * Shows a lead just captured, with filters cleared so it is in the list if the user may see it.
     * Its detail shows even when dispatch sent it to another team: the user who typed it in reads
     * where it went and why.
     */
    void showNew(Lead lead) {
        detail.show(lead);
        quiet = true;
        try {
            model.clearFilters();
        } finally {
            quiet = false;
        }
        debounce.stop();
        reload(false);
    }

    private void keep(Lead kept, boolean filterChanged) {
        if (kept != null) {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(kept.id())) {
                    table.getSelectionModel().select(i);
                    table.scrollTo(i);
                    return;
                }
            }
        }
        if (kept == null || filterChanged) {
            // Nothing open, or the open lead no longer matches: open the first match (or none).
            table.getSelectionModel().clearSelection();
            if (table.getItems().isEmpty()) {
                detail.show(null);
            } else {
                table.getSelectionModel().select(0);
                table.scrollTo(0);
            }
            return;
        }
        // It moved on from the status filtered for (marked contacted, say): its detail stays open.
        table.getSelectionModel().clearSelection();
        detail.show(kept);
    }
}
