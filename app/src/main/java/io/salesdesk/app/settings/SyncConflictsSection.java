package io.salesdesk.app.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.quote.QuoteLinesText;
import io.salesdesk.crm.User;
import io.salesdesk.sync.SyncConflict;
import io.salesdesk.sync.SyncConflictService;
import io.salesdesk.sync.SyncedEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 同步冲突 on the head office's database: the fields a branch and the head office both changed to
 * different values (and edits that met deletes), each with both values, for a manager to settle with
 * 保留总部的值 or 采用分支的值. The head office's value stays live until then; nothing is lost either way.
 * Shown only where branches sync, to those who may settle.
 */
final class SyncConflictsSection extends VBox {

    /** A conflict as the table shows it: the record by name, the values in words. */
    record Line(SyncConflict conflict, String record, String field, String hubValue, String incomingValue) {
    }

    private final AppContext context;
    private final SyncConflictService conflicts;
    private final TableView<Line> table = new TableView<>();
    private final Label count = new Label();

    SyncConflictsSection(AppContext context) {
        this.context = context;
        this.conflicts = new SyncConflictService(context.database(), context.clock());
        setId("syncConflictsSection");
        Button keepHub = button("syncKeepHub", "sync.conflicts.keepHub", Feather.HOME, false,
                line -> line.conflict().hubValue());
        Button takeBranch = button("syncTakeBranch", "sync.conflicts.takeBranch", Feather.GIT_MERGE, true,
                line -> line.conflict().incomingValue());
        takeBranch.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                .map(l -> l.conflict().kind() != SyncConflict.Kind.FIELD).orElse(true));
        keepHub.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                .map(l -> l.conflict().kind() == SyncConflict.Kind.DUPLICATE).orElse(true));
        Button merge = new Button(I18n.get("sync.conflicts.merge"), new FontIcon(Feather.GIT_MERGE));
        merge.setId("syncDuplicateMerge");
        merge.getStyleClass().add(Styles.ACCENT);
        merge.setOnAction(e -> mergeDuplicate());
        Button notDuplicate = new Button(I18n.get("sync.conflicts.notDuplicate"), new FontIcon(Feather.X_CIRCLE));
        notDuplicate.setId("syncNotDuplicate");
        notDuplicate.setOnAction(e -> dismissDuplicate());
        for (Button b : List.of(merge, notDuplicate)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                    .map(l -> l.conflict().kind() != SyncConflict.Kind.DUPLICATE).orElse(true));
        }
        count.setId("syncConflictCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(8, count, new javafx.scene.layout.Region(), keepHub, takeBranch, merge, notDuplicate);
        HBox.setHgrow(actions.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);
        SettingsPage.fillSection(this, I18n.get("sync.conflicts.title"), I18n.get("sync.conflicts.hint"),
                createTable(), actions);
        setVisible(false);
        setManaged(false);
        reload();
    }

    private TableView<Line> createTable() {
        table.setId("syncConflictTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(240);
        table.setPlaceholder(new Label(I18n.get("sync.conflicts.none")));
        table.getColumns().setAll(List.of(
                column("sync.conflicts.col.record", Line::record, 150),
                column("sync.conflicts.col.field", Line::field, 90),
                column("sync.conflicts.col.hub", Line::hubValue, 130),
                column("sync.conflicts.col.branch", Line::incomingValue, 130),
                column("sync.conflicts.col.by", l -> l.conflict().changedByName(), 80),
                column("sync.conflicts.col.at", l -> Formats.dateTime(l.conflict().createdAt(),
                        context.clock().getZone()), 120),
                column("sync.conflicts.col.kind", l -> I18n.get("sync.conflicts.kind." + l.conflict().kind().name()),
                        120)));
        return table;
    }

    private static TableColumn<Line, String> column(String key, Function<Line, String> value, double width) {
        TableColumn<Line, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Button button(String id, String key, Feather icon, boolean accent, Function<Line, String> chosen) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        if (accent) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        button.setOnAction(e -> {
            Line line = table.getSelectionModel().getSelectedItem();
            if (line == null) {
                return;
            }
            var actor = context.currentUser().asActor();
            BackgroundTask.wrap(() -> {
                        conflicts.resolve(actor, line.conflict().id(), chosen.apply(line));
                        return true;
                    })
                    .onSuccess(done -> reload())
                    .onFailure(ErrorDialogs::show)
                    .executeWith(context.executor());
        });
        return button;
    }

    /**
     * 合并 on a duplicate: the customer merge of the two, the one already at the head office first;
     * once merged the duplicate is settled as merged.
     */
    private void mergeDuplicate() {
        Line line = table.getSelectionModel().getSelectedItem();
        if (line == null) {
            return;
        }
        var actor = context.currentUser().asActor();
        UUID existing = UUID.fromString(line.conflict().hubValue());
        var first = context.customers().open(actor, existing);
        var second = context.customers().open(actor, line.conflict().entityId());
        if (first.isEmpty() || second.isEmpty()) {
            ErrorDialogs.show(new io.salesdesk.core.SalesDeskException("error.customerMergeNotVisible"));
            return;
        }
        String by = line.conflict().changedByName() == null ? I18n.get("merge.system") : line.conflict().changedByName();
        io.salesdesk.app.customers.MergeCustomersDialog.open(context, first.get().customer(),
                I18n.get("sync.conflicts.duplicate.existing"), second.get().customer(),
                I18n.get("sync.conflicts.duplicate.fromBranch", by),
                result -> BackgroundTask.wrap(() -> {
                            conflicts.resolveDuplicate(actor, line.conflict().id(), true);
                            return true;
                        })
                        .onSuccess(done -> reload())
                        .onFailure(ErrorDialogs::show)
                        .executeWith(context.executor()));
    }

    /** 不是重复: both customers stay; the answer is recorded. */
    private void dismissDuplicate() {
        Line line = table.getSelectionModel().getSelectedItem();
        if (line == null) {
            return;
        }
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    conflicts.resolveDuplicate(actor, line.conflict().id(), false);
                    return true;
                })
                .onSuccess(done -> reload())
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    /** Reads the open conflicts; the section shows only on a head office's database or while any are open. */
    void reload() {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    boolean hub = conflicts.isHub();
                    List<SyncConflict> open = conflicts.open();
                    Map<UUID, String> names = new HashMap<>();
                    for (SyncConflict c : open) {
                        if (c.entity() == SyncedEntity.CUSTOMER) {
                            context.customers().open(viewer, c.entityId())
                                    .ifPresent(d -> names.put(c.entityId(), d.customer().name()));
                        }
                        if (c.entity() == SyncedEntity.QUOTE) {
                            context.quotes().find(c.entityId()).ifPresent(q -> names.put(c.entityId(), q.quoteNo()));
                        }
                        if (c.entity() == SyncedEntity.TASK) {
                            context.tasks().find(viewer, c.entityId()).ifPresent(t -> names.put(c.entityId(), t.title()));
                        }
                        if (c.kind() == SyncConflict.Kind.DUPLICATE) {
                            // The customer it duplicates, by name and owner, in the hub value's column.
                            UUID other = UUID.fromString(c.hubValue());
                            context.customers().open(viewer, other).ifPresent(d -> names.put(other,
                                    I18n.get("sync.conflicts.duplicate.other", d.customer().name(),
                                            d.customer().ownerName() == null ? I18n.get("form.pool")
                                                    : d.customer().ownerName())));
                        }
                    }
                    Map<String, String> people = new HashMap<>();
                    context.users().all().forEach((User u) -> people.put(u.id().toString(), u.displayName()));
                    Map<String, String> customLabels = customLabels(open);
                    List<Line> lines = open.stream().map(c -> line(c, names, people, customLabels)).toList();
                    return new Read(hub || !open.isEmpty(), lines);
                })
                .onSuccess(read -> {
                    setVisible(read.shown());
                    setManaged(read.shown());
                    table.getItems().setAll(read.lines());
                    count.setText(I18n.get("sync.conflicts.count", read.lines().size()));
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private record Read(boolean shown, List<Line> lines) {
    }

    /** The labels of the custom fields the conflicts name, by entity and "custom.KEY" (retired fields too). */
    private Map<String, String> customLabels(List<SyncConflict> open) {
        Map<String, String> labels = new HashMap<>();
        open.stream().filter(c -> c.field().startsWith(SyncedEntity.CUSTOM)).map(SyncConflict::entity).distinct()
                .forEach(entity -> context.customFields().allFields(entity.customEntity()).forEach(f ->
                        labels.put(entity.name() + " " + SyncedEntity.CUSTOM + f.key(), f.label())));
        return labels;
    }

    private static Line line(SyncConflict c, Map<UUID, String> names, Map<String, String> people,
                             Map<String, String> customLabels) {
        if (c.kind() == SyncConflict.Kind.DUPLICATE) {
            String other = names.getOrDefault(UUID.fromString(c.hubValue()), I18n.get("sync.conflicts.duplicate.gone"));
            return new Line(c, I18n.get("sync.conflicts.duplicate.record", c.incomingValue()),
                    I18n.get("sync.conflicts.duplicate.by." + c.baseValue()), other, c.incomingValue());
        }
        String entity = I18n.get("sync.conflicts.entity." + c.entity().name());
        String record = names.containsKey(c.entityId()) ? entity + " " + names.get(c.entityId()) : entity;
        // An entity's own label first: a task's title (标题) is not a contact's title (职务).
        String entityFieldKey = "sync.field." + c.entity().name() + "." + c.field();
        String fieldKey = I18n.has(entityFieldKey) ? entityFieldKey : "sync.field." + c.field();
        String field = I18n.has(fieldKey) ? I18n.get(fieldKey)
                : customLabels.getOrDefault(c.entity().name() + " " + c.field(), c.field());
        // A coded value in words where the bundle has them (a task's priority 紧急, not URGENT), a user by name.
        String valuePrefix = "sync.value." + c.entity().name() + "." + c.field() + ".";
        Function<String, String> shown = v -> v == null ? I18n.get("sync.conflicts.empty")
                : I18n.has(valuePrefix + v) ? I18n.get(valuePrefix + v) : people.getOrDefault(v, Formats.recordedValue(v));
        if (c.entity() == SyncedEntity.QUOTE && "lines".equals(c.field())) {
            shown = SyncConflictsSection::quoteLines;
        }
        return new Line(c, record, field, shown.apply(c.hubValue()), shown.apply(c.incomingValue()));
    }

    /** A quote's lines as recorded ("SKU×2@100.00-5%, …"), in words, one after another (a table row has one line): SKU × 2 @ 100.00，折扣 5%；… */
    static String quoteLines(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return I18n.get("sync.conflicts.empty");
        }
        try {
            return QuoteLinesText.parse(recorded).stream().map(l -> new java.math.BigDecimal(l.discountPct()).signum() == 0
                            ? I18n.get("sync.value.QUOTE.line", l.sku(), l.quantity(), l.unitPrice())
                            : I18n.get("sync.value.QUOTE.lineDiscount", l.sku(), l.quantity(), l.unitPrice(),
                            l.discountPct()))
                    .collect(java.util.stream.Collectors.joining(I18n.get("sync.value.QUOTE.lineSeparator") + " "));
        } catch (IllegalArgumentException e) {
            return recorded;  // recorded by another version: shown as it is rather than not at all
        }
    }
}
