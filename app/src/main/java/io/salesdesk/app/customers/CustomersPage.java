package io.salesdesk.app.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
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
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.studio.CustomFieldColumns;
import io.salesdesk.app.studio.CustomFieldFilterDialog;
import io.salesdesk.app.studio.CustomFilterBar;
import io.salesdesk.app.studio.ListColumnPreferences;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldCriteria;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.merge.CustomerMergeService;

/**
 * The customer list (客户): search as you type, filters, server-side sort and paging, and the
 * selected customer's detail on the right.
 */
public final class CustomersPage extends BorderPane {

    static final Duration SEARCH_DELAY = Duration.millis(150);

    private final AppContext context;
    private final EventBus bus;
    private final CustomerListViewModel model;
    private final TableView<Customer> table = new TableView<>();
    private final CustomerDetailPane detail;
    private final ListColumnPreferences columnPreferences;
    private final CustomFieldColumns<Customer> customColumns;
    private UUID pendingSelection;
    private final CustomFilterBar customFilters;
    /** Set while the table's rows are replaced: see {@link #showRows}. */
    private boolean replacingItems;

    public CustomersPage(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        this.model = new CustomerListViewModel(context.customers(), () -> context.currentUser().asActor(),
                context.executor());
        model.setUnlocatedSource(actor -> context.customerLocations().needsLocation(actor).stream()
                .map(io.salesdesk.crm.CustomerLocation::id).collect(java.util.stream.Collectors.toSet()));
        this.detail = new CustomerDetailPane(context, bus, this::customerChanged);
        model.setCustomValueSource(ids -> context.customFields().values(CustomEntity.CUSTOMER, ids));
        this.columnPreferences = ListColumnPreferences.of("customers", context.currentUser().id());
        List<CustomField> fields = customFields();
        this.customColumns = new CustomFieldColumns<>(
                fields.stream().anyMatch(f -> f.type() == FieldType.USER) ? context.users().all() : List.of(),
                context.clock(), Customer::id, model.customValues());
        getStyleClass().add("page");
        this.customFilters = new CustomFilterBar(context, CustomEntity.CUSTOMER, model.customFilters());
        setTop(new VBox(createHeader(), createFilters(), customFilters.chips()));
        SplitPane split = new SplitPane(createTable(), detail);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(8, 0, 0, 0));
        showCustomColumns(fields, columnPreferences.shown());
        bus.subscribe(Navigation.OpenCustomer.class, event -> open(event.customerId(), event.customerName()));
        // A branch replica's sync brought the head office's rows: the list and the open customer show them.
        bus.subscribe(io.salesdesk.app.sync.SyncPulled.class, event -> {
            Customer shown = table.getSelectionModel().getSelectedItem();
            if (shown != null) {
                customerChanged(shown.id());
            } else {
                model.reload();
            }
        });
        model.reload();
    }

    private HBox createHeader() {
        Label title = new Label(I18n.get("customers.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label count = new Label();
        count.setId("customerCount");
        count.getStyleClass().addAll(Styles.TEXT_MUTED);
        count.textProperty().bind(model.countProperty().map(n -> I18n.get("customers.count", Formats.count(n.longValue()))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button create = new Button(I18n.get("customers.new"), new FontIcon(Feather.PLUS));
        create.setId("newCustomer");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(false);
        create.setOnAction(e -> CustomerFormDialog.create(context, bus, this::customerChanged).show());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("customerLoading");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        ListExportBar export = new ListExportBar(context, model::query);
        var columns = CustomFieldColumns.chooser(this::customFields, columnPreferences.shown(), keys -> {
            columnPreferences.setShown(keys);
            showCustomColumns(customFields(), keys);
        });
        HBox header = new HBox(12, title, count, busy, spacer, columns, export, createMergeButton(), create);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("page-header");
        return header;
    }

    /**
     * 合并客户, for managers and admins: enabled with two customers selected (Ctrl/Shift-click), it
     * opens the merge of the two.
     */
    private Button createMergeButton() {
        Button merge = new Button(I18n.get("customerMerge.button"), new FontIcon(Feather.GIT_MERGE));
        merge.setId("mergeCustomers");
        merge.setTooltip(new javafx.scene.control.Tooltip(I18n.get("customerMerge.tooltip")));
        boolean may = CustomerMergeService.mayMerge(context.currentUser().asActor());
        merge.setVisible(may);
        merge.setManaged(may);
        merge.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
        merge.setOnAction(e -> {
            List<Customer> two = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (two.size() == 2) {
                MergeCustomersDialog.open(context, two.get(0), two.get(1), result -> {
                    table.getSelectionModel().clearSelection();
                    customerChanged(result.survivor().id());
                });
            }
        });
        return merge;
    }

    private HBox createFilters() {
        CustomTextField search = new CustomTextField();
        search.setId("customerSearch");
        search.setPromptText(I18n.get("customers.search.prompt"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(300);
        search.textProperty().bindBidirectional(model.searchTextProperty());
        PauseTransition debounce = new PauseTransition(SEARCH_DELAY);
        debounce.setOnFinished(e -> model.reload());
        model.searchTextProperty().addListener((obs, old, now) -> debounce.playFromStart());

        ComboBox<Tier> tier = Pickers.optional(FXCollections.observableArrayList(Tier.values()),
                t -> I18n.get("tier.long." + t.name()), I18n.get("customers.filter.allTiers"));
        tier.setId("tierFilter");
        tier.valueProperty().bindBidirectional(model.tierProperty());

        ComboBox<io.salesdesk.crm.Region> province = Pickers.optional(
                FXCollections.observableArrayList(context.regions().provinces()),
                io.salesdesk.crm.Region::name, I18n.get("customers.filter.allProvinces"));
        province.setId("provinceFilter");
        ComboBox<io.salesdesk.crm.Region> city = Pickers.optional(FXCollections.observableArrayList(),
                io.salesdesk.crm.Region::name, I18n.get("customers.filter.allCities"));
        city.setId("cityFilter");
        city.setDisable(true);
        province.valueProperty().bindBidirectional(model.provinceProperty());
        city.valueProperty().bindBidirectional(model.cityProperty());
        province.valueProperty().addListener((obs, old, now) -> {
            model.cityProperty().set(null);
            List<io.salesdesk.crm.Region> cities = now == null ? List.of() : context.regions().children(now.code());
            city.getItems().setAll(Pickers.withNone(cities));
            city.setDisable(now == null);
        });

        List<User> owners = context.users().visibleOwners(context.currentUser().asActor());
        ComboBox<User> owner = Pickers.optional(FXCollections.observableArrayList(owners), User::displayName,
                I18n.get("customers.filter.allOwners"));
        owner.setId("ownerFilter");
        owner.valueProperty().bindBidirectional(model.ownerProperty());

        model.tierProperty().addListener((obs, old, now) -> model.reload());
        model.cityProperty().addListener((obs, old, now) -> model.reload());
        model.provinceProperty().addListener((obs, old, now) -> model.reload());
        model.ownerProperty().addListener((obs, old, now) -> model.reload());

        javafx.scene.control.ToggleButton unlocated = new javafx.scene.control.ToggleButton(
                I18n.get("customers.filter.needsLocation"), new FontIcon(Feather.MAP_PIN));
        unlocated.setId("needsLocationFilter");
        unlocated.setTooltip(new javafx.scene.control.Tooltip(I18n.get("customers.filter.needsLocation.tooltip")));
        unlocated.selectedProperty().bindBidirectional(model.needsLocationProperty());
        model.needsLocationProperty().addListener((obs, old, now) -> model.reload());

        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("clearFilters");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setOnAction(e -> model.clearFilters());
        clear.setTooltip(new javafx.scene.control.Tooltip(I18n.get("customers.filter.clear")));

        model.customFilters().addListener((javafx.collections.ListChangeListener<CustomFieldFilterDialog.Chosen>) c ->
                model.reload());

        HBox filters = new HBox(8, search, tier, province, city, owner, unlocated, customFilters.button(), clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(12, 0, 0, 0));
        return filters;
    }

    private TableView<Customer> createTable() {
        table.setId("customerTable");
        // Two selected customers can be merged (合并客户).
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Clock clock = context.clock();
        table.getColumns().setAll(List.of(
                column("customers.col.name", CustomerQuery.Sort.NAME, Customer::name, 220),
                tierColumn(),
                column("customers.col.industry", null,
                        c -> c.industry() == null ? "" : I18n.get("industry." + c.industry()), 78),
                column("customers.col.region", CustomerQuery.Sort.REGION, c -> shortRegion(c.regionName()), 66),
                column("customers.col.owner", CustomerQuery.Sort.OWNER, c -> nullToEmpty(c.ownerName()), 62),
                column("customers.col.phone", null, c -> nullToEmpty(c.phone()), 114),
                column("customers.col.lastFollowUp", CustomerQuery.Sort.LAST_FOLLOW_UP,
                        c -> Formats.relative(c.lastFollowUpAt(), clock), 82),
                nextFollowUpColumn(clock)));
        table.getSortOrder().add(table.getColumns().get(0));
        table.setSortPolicy(t -> {
            if (replacingItems) {
                return true; // the rows of the new query are already in its order
            }
            if (t.getSortOrder().isEmpty()) {
                model.sortBy(CustomerQuery.Sort.NAME, true);
            } else {
                TableColumn<Customer, ?> first = t.getSortOrder().get(0);
                boolean ascending = first.getSortType() == TableColumn.SortType.ASCENDING;
                if (first.getUserData() instanceof CustomField field) {
                    model.sortByCustom(CustomFieldCriteria.sort(field), ascending);
                } else {
                    model.sortBy((CustomerQuery.Sort) first.getUserData(), ascending);
                }
            }
            return true;
        });
        table.setItems(model.itemsProperty().get());
        model.itemsProperty().addListener((obs, old, now) -> showRows(now));
        table.setPlaceholder(emptyState());
        table.setRowFactory(t -> {
            TableRow<Customer> row = new TableRow<>();
            MenuItem followUp = new MenuItem(I18n.get("customers.logFollowUp"), new FontIcon(Feather.MESSAGE_SQUARE));
            followUp.setOnAction(e -> FollowUpDialog.open(context, row.getItem(), ActivityKind.CALL,
                    activity -> customerChanged(row.getItem().id())));
            MenuItem edit = new MenuItem(I18n.get("customers.edit"), new FontIcon(Feather.EDIT_2));
            edit.setOnAction(e -> CustomerFormDialog.edit(context, bus, row.getItem(), this::customerChanged).show());
            ContextMenu menu = new ContextMenu(followUp, edit);
            row.contextMenuProperty().bind(row.emptyProperty().map(empty -> empty ? null : menu));
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                detail.show(now.id());
            }
        });
        return table;
    }

    /**
     * Shows a new query's rows. A table clears its sort order when its items are replaced (only a
     * SortedList keeps it), which would throw the list back to name order right after a click on a
     * header; the order is put back, and the sorts this causes are not passed on.
     */
    private void showRows(javafx.collections.ObservableList<Customer> rows) {
        List<TableColumn<Customer, ?>> order = List.copyOf(table.getSortOrder());
        replacingItems = true;
        try {
            table.setItems(rows);
            table.getSortOrder().setAll(order);
        } finally {
            replacingItems = false;
        }
        selectPending();
    }

    /** The customer fields in use, read afresh: they may have changed in Settings since the page opened. */
    private List<CustomField> customFields() {
        return context.customFields().fields(CustomEntity.CUSTOMER);
    }

    /**
     * Shows the custom-field columns of these keys after the customer's own columns, in the fields'
     * order; a column sorted by a field that is no longer shown goes back to the name order.
     */
    private void showCustomColumns(List<CustomField> fields, Set<String> keys) {
        boolean readsBefore = model.readsCustomValuesProperty().get();
        boolean reads = fields.stream().anyMatch(f -> keys.contains(f.key()));
        // The columns share the table's width: with custom ones beside them, the customer's own may
        // narrow below their usual minimum, or the last columns would be cut off at the edge. Set
        // before the columns change, when the table shares out the width again.
        for (TableColumn<Customer, ?> column : table.getColumns()) {
            if (!(column.getUserData() instanceof CustomField)) {
                double full = (double) column.getProperties().computeIfAbsent("fullMinWidth", k -> column.getMinWidth());
                column.setMinWidth(reads ? Math.min(full, column.getUserData() == CustomerQuery.Sort.NAME ? 120 : 44)
                        : full);
            }
        }
        // Columns are removed and added one by one: replacing them all would drop the table's sort.
        table.getColumns().removeIf(c -> c.getUserData() instanceof CustomField f && !keys.contains(f.key()));
        Set<String> present = new HashSet<>();
        table.getColumns().stream().filter(c -> c.getUserData() instanceof CustomField)
                .forEach(c -> present.add(((CustomField) c.getUserData()).key()));
        for (CustomField field : fields) {
            if (keys.contains(field.key()) && !present.contains(field.key())) {
                table.getColumns().add(customColumns.column(field));
            }
        }
        model.readsCustomValuesProperty().set(reads);
        if (table.getSortOrder().isEmpty()) {
            table.getSortOrder().setAll(List.of(table.getColumns().get(0))); // sorted by a column now gone
        } else if (!readsBefore && reads) {
            model.reload(); // the pages read so far lack the values the new column shows
        } else {
            table.refresh();
        }
    }

    private VBox emptyState() {
        FontIcon icon = new FontIcon(Feather.INBOX);
        icon.getStyleClass().add("empty-icon");
        Label text = new Label(I18n.get("customers.empty"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, icon, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static TableColumn<Customer, String> column(String key, CustomerQuery.Sort sort,
                                                        Function<Customer, String> value, double width) {
        TableColumn<Customer, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue() == null ? "" : value.apply(f.getValue())));
        column.setUserData(sort);
        column.setSortable(sort != null);
        column.setPrefWidth(width);
        column.setMinWidth(sort == CustomerQuery.Sort.NAME ? 160 : width);
        return column;
    }

    private TableColumn<Customer, String> tierColumn() {
        TableColumn<Customer, String> column = column("customers.col.tier", CustomerQuery.Sort.TIER,
                c -> c.tier() == null ? "" : c.tier().name(), 52);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null || item.isEmpty() ? null : TierBadge.of(Tier.valueOf(item)));
                setText(null);
            }
        });
        return column;
    }

    private TableColumn<Customer, String> nextFollowUpColumn(Clock clock) {
        TableColumn<Customer, String> column = column("customers.col.nextFollowUp", CustomerQuery.Sort.NEXT_FOLLOW_UP,
                c -> Formats.shortDate(c.nextFollowUpOn(), clock), 82);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Customer customer = empty ? null : getTableRow().getItem();
                boolean overdue = customer != null && customer.nextFollowUpOn() != null
                        && customer.nextFollowUpOn().isBefore(LocalDate.now(clock));
                getStyleClass().remove("overdue");
                if (overdue) {
                    getStyleClass().add("overdue");
                }
            }
        });
        return column;
    }

    /** "江苏省 苏州市 姑苏区" → "姑苏区": the narrowest part; the full name is in the detail pane. */
    private static String shortRegion(String full) {
        if (full == null) {
            return "";
        }
        int space = full.trim().lastIndexOf(' ');
        return space > 0 ? full.trim().substring(space + 1) : full;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** After a save: refresh the list (keeping the customer selected) and its detail. */
    private void customerChanged(UUID customerId) {
        pendingSelection = customerId;
        model.reload();
        detail.show(customerId);
    }

    /** Shows a customer that another page asked for: its name as the search, its detail open. */
    private void open(UUID customerId, String customerName) {
        pendingSelection = customerId;
        model.clearFilters();
        model.searchTextProperty().set(customerName == null ? "" : customerName);
        model.reload();
        detail.show(customerId);
    }

    private void selectPending() {
        UUID wanted = pendingSelection;
        if (wanted == null) {
            return;
        }
        List<Customer> items = table.getItems();
        int visible = Math.min(items.size(), 100);
        for (int i = 0; i < visible; i++) {
            Customer c = items.get(i);
            if (c != null && c.id().equals(wanted)) {
                pendingSelection = null;
                table.getSelectionModel().select(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    CustomerListViewModel model() {
        return model;
    }
}
