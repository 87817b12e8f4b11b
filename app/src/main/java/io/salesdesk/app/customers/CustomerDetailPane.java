package io.salesdesk.app.customers;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import io.salesdesk.crm.User;
import java.util.Map;

import io.salesdesk.app.studio.CustomFieldEditors;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.crm.merge.CustomerMergeRepository;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.pipeline.OpportunityFormDialog;
import io.salesdesk.app.tasks.TaskFormDialog;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDetail;

/**
 * The selected customer: who they are, their contacts and every follow-up, newest first, with one
 * button per kind of follow-up so that logging a visit is three clicks.
 */
final class CustomerDetailPane extends StackPane {

    private final AppContext context;
    private final EventBus bus;
    private final Consumer<UUID> changed;
    private final ListView<Activity> timeline = new ListView<>();
    private final ListView<Contact> contacts = new ListView<>();
    private final VBox content = new VBox(12);
    private final VBox header = new VBox(6);
    private final Label timelineTitle = new Label();
    private CustomerDetail current;
    private UUID requested;

    CustomerDetailPane(AppContext context, EventBus bus, Consumer<UUID> changed) {
        this.context = context;
        this.bus = bus;
        this.changed = changed;
        setId("customerDetail");
        getStyleClass().add("customer-detail");
        setMinWidth(380);
        timeline.setId("timeline");
        timeline.setCellFactory(list -> new ActivityCell(context.clock().getZone()));
        timeline.setPlaceholder(muted(I18n.get("detail.timeline.empty")));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        contacts.setId("contacts");
        contacts.setCellFactory(list -> new ContactCell());
        contacts.setPlaceholder(muted(I18n.get("detail.contacts.empty")));
        contacts.setPrefHeight(136);
        contacts.setMinHeight(Region.USE_PREF_SIZE);
        timeline.setPrefHeight(200);
        contacts.getStyleClass().add(Styles.DENSE);
        timelineTitle.getStyleClass().add(Styles.TITLE_4);
        content.setPadding(new Insets(16));
        content.getChildren().addAll(header, createQuickButtons(), new Separator(),
                sectionTitle(I18n.get("detail.contacts"), addContactButton()), contacts,
                timelineTitle, timeline);
        showEmpty();
    }

    private void showEmpty() {
        FontIcon icon = new FontIcon(Feather.MOUSE_POINTER);
        icon.getStyleClass().add("empty-icon");
        Label text = muted(I18n.get("detail.none"));
        VBox empty = new VBox(8, icon, text);
        empty.setAlignment(Pos.CENTER);
        getChildren().setAll(empty);
    }

    /** Opens a customer in the pane; the read runs in the background. */
    void show(UUID customerId) {
        requested = customerId;
        BackgroundTask.wrap(() -> context.customers().open(context.currentUser().asActor(), customerId)
                        .map(d -> shown(d, customerId)))
                .onSuccess(detail -> {
                    if (customerId.equals(requested)) { // the user may have clicked on meanwhile
                        detail.ifPresentOrElse(this::render, this::showEmpty);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * A customer as the pane shows it: the detail, the company's own fields with their values, and the
     * people a person field may name (read only when there is such a field).
     */
    private record Shown(CustomerDetail detail, List<CustomField> fields, Map<String, String> values,
                         List<User> people, List<CustomerMergeRepository.Merge> merges) {
    }

    /** Everything the pane shows, read off the FX thread. */
    private Shown shown(CustomerDetail detail, UUID customerId) {
        List<CustomField> fields = context.customFields().fields(CustomEntity.CUSTOMER);
        List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER) ? context.users().all()
                : List.of();
        return new Shown(detail, fields, context.customFields().values(CustomEntity.CUSTOMER, customerId), people,
                context.customerMerges().undoableMergesInto(context.currentUser().asActor(), customerId));
    }

    private void render(Shown shown) {
        CustomerDetail detail = shown.detail();
        current = detail;
        Customer c = detail.customer();
        Label name = new Label(c.name());
        name.setId("detailName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        Button edit = new Button(null, new FontIcon(Feather.EDIT_2));
        edit.setId("editCustomer");
        edit.setTooltip(new Tooltip(I18n.get("customers.edit")));
        edit.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        edit.setOnAction(e -> CustomerFormDialog.edit(context, bus, current.customer(), changed).show());
        Button deal = new Button(null, new FontIcon(Feather.TRENDING_UP));
        deal.setId("customerOpportunity");
        deal.setTooltip(new Tooltip(I18n.get("pipeline.new")));
        deal.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        deal.setMinWidth(Region.USE_PREF_SIZE);
        deal.setOnAction(e -> OpportunityFormDialog.create(context, null, current.customer()).showAndWait());
        Button task = new Button(null, new FontIcon(Feather.CHECK_SQUARE));
        task.setId("customerTask");
        task.setTooltip(new Tooltip(I18n.get("tasks.new")));
        task.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        task.setMinWidth(Region.USE_PREF_SIZE);
        task.setOnAction(e -> TaskFormDialog.forCustomer(context, current.customer().id(), current.customer().name())
                .showAndWait());
        HBox title = new HBox(4, TierBadge.of(c.tier()), name, deal, task, edit);
        title.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        row = fact(facts, row, Feather.MAP_PIN, I18n.get("detail.region"), c.regionName());
        row = fact(facts, row, Feather.USER, I18n.get("detail.owner"),
                c.ownerName() == null ? I18n.get("detail.pool") : c.ownerName());
        row = fact(facts, row, Feather.HASH, I18n.get("detail.creditCode"), c.creditCode());
        row = fact(facts, row, Feather.PHONE, I18n.get("detail.phone"), c.phone());
        row = fact(facts, row, Feather.HOME, I18n.get("detail.address"), c.address());
        row = fact(facts, row, Feather.BRIEFCASE, I18n.get("detail.industry"),
                c.industry() == null ? null : I18n.get("industry." + c.industry()));
        for (CustomField field : shown.fields()) {
            row = fact(facts, row, Feather.TAG, field.label(), CustomFieldEditors.display(field,
                    shown.values().get(field.key()), shown.people(), context.clock()));
        }
        header.getChildren().setAll(title, facts);
        shown.merges().forEach(m -> header.getChildren().add(mergedIn(m)));

        contacts.getItems().setAll(detail.contacts());
        timeline.getItems().setAll(detail.timeline());
        timelineTitle.setText(I18n.get("detail.timeline", Formats.count(detail.activityCount())));
        getChildren().setAll(content);
    }

    /** 已并入：B（11-29） 撤销合并: a merge into this customer, undone from here in one click. */
    private Node mergedIn(CustomerMergeRepository.Merge merge) {
        String when = merge.mergedAt().atZoneSameInstant(context.clock().getZone()).toLocalDate().toString();
        Label text = muted(I18n.get("customerMerge.mergedIn", merge.mergedName(), when));
        text.setWrapText(true);
        Hyperlink undo = new Hyperlink(I18n.get("customerMerge.undo"));
        undo.setId("undoMerge");
        undo.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        undo.setTooltip(new Tooltip(I18n.get("customerMerge.undoTooltip")));
        undo.setOnAction(e -> {
            undo.setDisable(true);
            MergeUndo.run(context, merge.id(), result -> changed.accept(result.restored().id()));
        });
        HBox line = new HBox(6, new FontIcon(Feather.GIT_MERGE), text, undo);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static int fact(GridPane grid, int row, Feather icon, String label, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("fact-icon");
        Label key = new Label(label);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        key.setGraphic(glyph);
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, key, text);
        return row + 1;
    }

    private HBox createQuickButtons() {
        HBox buttons = new HBox(6);
        for (ActivityKind kind : ActivityKind.values()) {
            Button button = new Button(I18n.label("activityKind", kind), new FontIcon(ActivityIcons.of(kind)));
            button.setId("followUp" + kind.name());
            button.getStyleClass().add(Styles.SMALL);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setTooltip(new Tooltip(I18n.get("detail.logKind", I18n.label("activityKind", kind))));
            button.setOnAction(e -> FollowUpDialog.open(context, current.customer(), current.contacts(), kind,
                    activity -> changed.accept(current.customer().id())));
            buttons.getChildren().add(button);
        }
        return buttons;
    }

    private Button addContactButton() {
        Button add = new Button(I18n.get("detail.addContact"), new FontIcon(Feather.USER_PLUS));
        add.setId("addContact");
        add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        add.setOnAction(e -> ContactDialog.open(context, current.customer(),
                contact -> changed.accept(current.customer().id())));
        return add;
    }

    private static HBox sectionTitle(String text, Node action) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, label, spacer, action);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    CustomerDetail current() {
        return current;
    }

    /** One follow-up: icon for the kind, when and who, then the note, outcome and next step. */
    private static final class ActivityCell extends ListCell<Activity> {
        private final ZoneId zone;

        ActivityCell(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        protected void updateItem(Activity a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(ActivityIcons.of(a.kind()));
            icon.getStyleClass().addAll("activity-icon", "activity-" + a.kind().name().toLowerCase(java.util.Locale.ROOT));
            StackPane iconBox = new StackPane(icon);
            iconBox.getStyleClass().add("activity-icon-box");
            Label when = new Label(I18n.label("activityKind", a.kind()) + " · "
                    + Formats.dateTime(a.occurredAt(), zone) + " · " + (a.ownerName() == null ? "" : a.ownerName())
                    + (a.contactName() == null ? "" : " → " + a.contactName()));
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            VBox lines = new VBox(2, when);
            if (a.note() != null && !a.note().isBlank()) {
                Label note = new Label(a.note());
                note.setWrapText(true);
                note.setMinHeight(Region.USE_PREF_SIZE);
                note.getStyleClass().add("activity-note");
                lines.getChildren().add(note);
            }
            line(lines, I18n.get("detail.outcome"), a.outcome());
            String next = a.nextStep() == null ? "" : a.nextStep();
            if (a.nextFollowUpOn() != null) {
                next = I18n.get("detail.nextStepOn", next, Formats.date(a.nextFollowUpOn())).trim();
            }
            line(lines, I18n.get("detail.nextStep"), next);
            lines.prefWidthProperty().bind(getListView().widthProperty().subtract(72));
            lines.maxWidthProperty().bind(lines.prefWidthProperty());
            setPrefWidth(0); // never wider than the list: long notes wrap instead
            HBox box = new HBox(10, iconBox, lines);
            box.setAlignment(Pos.TOP_LEFT);
            setGraphic(box);
        }

        private static void line(VBox lines, String label, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            Label text = new Label(I18n.get("detail.labelled", label, value));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add(Styles.TEXT_SMALL);
            lines.getChildren().add(text);
        }
    }

    /** A contact: name and title, then how to reach them. */
    private static final class ContactCell extends ListCell<Contact> {
        @Override
        protected void updateItem(Contact c, boolean empty) {
            super.updateItem(c, empty);
            setText(null);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(c.name() + (c.title() == null || c.title().isBlank() ? "" : "  ·  " + c.title()));
            if (c.primary()) {
                FontIcon star = new FontIcon(Feather.STAR);
                star.getStyleClass().add("primary-contact");
                name.setGraphic(star);
                name.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            }
            StringBuilder reach = new StringBuilder();
            for (String part : List.of(nz(c.mobile()), nz(c.phone()), nz(c.email()),
                    c.wechat() == null || c.wechat().isBlank() ? "" : I18n.get("contact.wechat.short", c.wechat()))) {
                if (!part.isBlank()) {
                    reach.append(reach.length() == 0 ? "" : "   ").append(part);
                }
            }
            Label how = new Label(reach.toString());
            how.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            setGraphic(new VBox(1, name, how));
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
