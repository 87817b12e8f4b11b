package io.salesdesk.app.commerce;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Folders;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldEditors;
import io.salesdesk.commerce.collection.CollectionItem;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractAttachment;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;

/**
 * One contract: parties, amount and terms; its payment terms and, once signed, the collection
 * schedule with what is invoiced and collected of each item; attachments; and the buttons for what
 * its status allows next (submit, sign, record delivery or acceptance, invoice, payment, close, void).
 */
final class ContractDetailPane extends StackPane {

    private final AppContext context;
    private final Consumer<Contract> changed;
    private final VBox body = new VBox(14);
    private final Label placeholder = new Label(I18n.get("contracts.pick"));
    private final TableView<CollectionItem> schedule = new TableView<>();
    private Contract current;

    ContractDetailPane(AppContext context, Consumer<Contract> changed) {
        this.context = context;
        this.changed = changed;
        setId("contractDetail");
        body.setPadding(new Insets(4, 4, 4, 16));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        schedule.setId("contractSchedule");
        schedule.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        schedule.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        schedule.setPrefHeight(150);
        schedule.getColumns().setAll(List.of(
                Columns.<CollectionItem>text("schedule.col.milestone", i -> I18n.label("milestone", i.milestone()), 70),
                Columns.money("schedule.col.amount", CollectionItem::amount, 100),
                Columns.<CollectionItem>text("schedule.col.dueOn", i -> i.dueOn() == null
                        ? I18n.get("schedule.notYet") : Formats.date(i.dueOn()), 90),
                Columns.money("schedule.col.invoiced", CollectionItem::invoiced, 90),
                Columns.money("schedule.col.collected", CollectionItem::collected, 90)));
        schedule.setPlaceholder(new Label(I18n.get("schedule.unsigned")));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getChildren().addAll(placeholder, scroll);
        show(null);
    }

    Contract current() {
        return current;
    }

    void show(Contract contract) {
        current = contract;
        getChildren().get(1).setVisible(contract != null);
        placeholder.setVisible(contract == null);
        if (contract == null) {
            return;
        }
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Loaded(context.collections().schedule(viewer, contract.id()),
                        context.contracts().attachments(viewer, contract.id()), customFacts(contract)))
                .onSuccess(loaded -> {
                    if (current != null && current.id().equals(contract.id())) {
                        fill(contract, loaded);
                    }
                })
                .executeWith(context.executor());
    }

    private record Loaded(List<CollectionItem> schedule, List<ContractAttachment> attachments,
                          List<CustomFact> custom) {
    }

    /** One of the company's own contract fields, as the pane shows it. */
    private record CustomFact(String label, String value) {
    }

    /** The contract's custom fields (自定义字段) in the fields' order, values readable (names, not ids). */
    private List<CustomFact> customFacts(Contract contract) {
        List<CustomField> fields = context.customFields().fields(CustomEntity.CONTRACT);
        if (fields.isEmpty()) {
            return List.of();
        }
        Map<String, String> values = context.customFields().values(CustomEntity.CONTRACT, contract.id());
        List<User> people = fields.stream().anyMatch(f -> f.type() == FieldType.USER) ? context.users().all()
                : List.of();
        return fields.stream().map(f -> new CustomFact(f.label(),
                CustomFieldEditors.display(f, values.get(f.key()), people, context.clock()))).toList();
    }

    private void fill(Contract c, Loaded loaded) {
        Label no = new Label(c.contractNo());
        no.setId("contractDetailNo");
        no.getStyleClass().addAll(Styles.TEXT_MUTED);
        Label title = new Label(c.title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        HBox head = new HBox(10, title, StatusChips.contract(c.status()));
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, "contracts.detail.customer", c.customerName());
        row = fact(facts, row, "contracts.detail.parties", c.ourParty() + " ⇄ " + c.theirParty());
        row = fact(facts, row, "contracts.detail.amount", Columns.yuan(c.amount()));
        row = fact(facts, row, "contracts.detail.owner", c.ownerName());
        if (c.signedOn() != null) {
            row = fact(facts, row, "contracts.detail.signedOn", Formats.date(c.signedOn()));
        }
        if (c.voidReason() != null) {
            row = fact(facts, row, "contracts.detail.voidReason", c.voidReason());
        }
        row = fact(facts, row, "contracts.detail.terms", terms(c.paymentTerms()));
        for (CustomFact custom : loaded.custom()) {
            if (custom.value() != null && !custom.value().isBlank()) {
                row = labelledFact(facts, row, custom.label(), custom.value());
            }
        }

        BigDecimal collected = loaded.schedule().stream().map(CollectionItem::collected)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Label progress = new Label(I18n.get("contracts.detail.collected", Columns.yuan(collected),
                Columns.yuan(c.amount().subtract(collected))));
        progress.setId("contractCollected");
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        schedule.getItems().setAll(loaded.schedule());

        body.getChildren().setAll(no, head, actions(c, !loaded.custom().isEmpty()), facts, section("contracts.detail.schedule"), progress,
                schedule, scheduleActions(c), section("contracts.detail.attachments"), attachments(c, loaded.attachments()));
    }

    private static int fact(GridPane grid, int row, String key, String value) {
        return labelledFact(grid, row, I18n.get(key), value);
    }

    private static int labelledFact(GridPane grid, int row, String caption, String value) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(64);
        Label text = new Label(value == null ? "" : value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static String terms(List<PaymentTerm> terms) {
        List<String> parts = new ArrayList<>();
        for (PaymentTerm t : terms) {
            parts.add(I18n.get("contracts.term", I18n.label("milestone", t.milestone()),
                    t.sharePct().stripTrailingZeros().toPlainString(), t.dueDays()));
        }
        return String.join(I18n.get("contracts.termSeparator"), parts);
    }

    private static Label section(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    /**
     * What the contract's status allows: draft → submit; in approval → sign or send back; any → void;
     * and, when the company added contract fields, editing them until the contract is void.
     */
    private Node actions(Contract c, boolean customFields) {
        FlowPane row = new FlowPane(8, 8);
        boolean approver = context.currentUser().role() == Role.MANAGER || context.currentUser().role().seesEverything();
        var actor = context.currentUser().asActor();
        if (c.status() == ContractStatus.DRAFT) {
            row.getChildren().add(button("contractSubmit", "contracts.submit", Feather.SEND, true,
                    () -> run(() -> context.contracts().submitForApproval(actor, c.id(), c.version()))));
        }
        if (c.status() == ContractStatus.IN_APPROVAL && approver) {
            row.getChildren().add(button("contractSign", "contracts.sign", Feather.EDIT_3, true, () ->
                    Prompts.date(I18n.get("contracts.sign"), I18n.get("contracts.sign.question", c.contractNo()),
                                    BusinessTime.today(context.clock()))
                            .ifPresent(day -> run(() -> context.contracts().sign(actor, c.id(), c.version(), day)))));
            row.getChildren().add(button("contractReturn", "contracts.return", Feather.CORNER_UP_LEFT, false, () ->
                    Prompts.reason(I18n.get("contracts.return"), I18n.get("contracts.return.question"))
                            .ifPresent(why -> run(() -> context.contracts().returnToDraft(actor, c.id(), c.version(), why)))));
        }
        if (c.status().isLive()) {
            row.getChildren().add(button("contractMilestone", "contracts.milestone", Feather.TRUCK, false, () ->
                    Prompts.choiceAndDate(I18n.get("contracts.milestone"), I18n.get("contracts.milestone.question"),
                                    List.of(Milestone.DELIVERY, Milestone.ACCEPTANCE), m -> I18n.label("milestone", m),
                                    BusinessTime.today(context.clock()))
                            .ifPresent(choice -> run(() -> {
                                context.collections().recordMilestone(actor, c.id(), choice.value(), choice.date());
                                return context.contracts().find(actor, c.id()).orElse(c);
                            }))));
            row.getChildren().add(button("contractClose", "contracts.close", Feather.CHECK_SQUARE, false,
                    () -> run(() -> context.contracts().close(actor, c.id(), c.version()))));
        }
        if (customFields && c.status() != ContractStatus.VOID) {
            row.getChildren().add(button("contractFields", "contracts.fields", Feather.TAG, false,
                    () -> new ContractFieldsDialog(context, c).showAndWait().ifPresent(saved -> show(saved))));
        }
        if (c.status() != ContractStatus.CLOSED && c.status() != ContractStatus.VOID) {
            Button voidButton = button("contractVoid", "contracts.void", Feather.SLASH, false, () ->
                    Prompts.reason(I18n.get("contracts.void"), I18n.get("contracts.void.question", c.contractNo()))
                            .ifPresent(why -> run(() -> context.contracts().voidContract(actor, c.id(), c.version(), why))));
            voidButton.getStyleClass().add(Styles.DANGER);
            row.getChildren().add(voidButton);
        }
        return row;
    }

    /** Invoice or payment against the selected schedule item. */
    private Node scheduleActions(Contract c) {
        if (!c.status().isLive()) {
            return new HBox();
        }
        var actor = context.currentUser().asActor();
        Button pay = button("scheduleRecordPayment", "collections.recordPayment", Feather.DOLLAR_SIGN, false, () -> {
            CollectionItem item = schedule.getSelectionModel().getSelectedItem();
            PaymentDialog.open(context, item.id(), c.customerName(), c.contractNo(),
                    I18n.label("milestone", item.milestone()), item.open(), () -> show(c));
        });
        Button invoice = button("scheduleInvoice", "schedule.invoice", Feather.FILE_TEXT, false, () -> {
            CollectionItem item = schedule.getSelectionModel().getSelectedItem();
            Prompts.date(I18n.get("schedule.invoice"), I18n.get("schedule.invoice.question",
                            I18n.label("milestone", item.milestone()), Columns.yuan(item.uninvoiced())),
                            BusinessTime.today(context.clock()))
                    .ifPresent(day -> BackgroundTask.wrap(() -> context.collections().issueInvoice(actor, item.id(),
                                    item.uninvoiced(), day))
                            .onSuccess(done -> show(c))
                            .executeWith(context.executor()));
        });
        pay.disableProperty().bind(schedule.getSelectionModel().selectedItemProperty().isNull());
        invoice.disableProperty().bind(schedule.getSelectionModel().selectedItemProperty().isNull());
        return new HBox(8, invoice, pay);
    }

    private Node attachments(Contract c, List<ContractAttachment> files) {
        VBox list = new VBox(4);
        list.setId("contractAttachments");
        var actor = context.currentUser().asActor();
        for (ContractAttachment a : files) {
            Hyperlink open = new Hyperlink(a.fileName() + "  (" + size(a.sizeBytes()) + ")", new FontIcon(Feather.PAPERCLIP));
            open.setOnAction(e -> BackgroundTask.wrap(() -> context.contracts().attachmentPath(actor, a.id()))
                    .onSuccess(path -> {
                        try {
                            Folders.open(path);
                        } catch (java.io.IOException ex) {
                            ErrorDialogs.show(ex);
                        }
                    })
                    .executeWith(context.executor()));
            list.getChildren().add(open);
        }
        if (files.isEmpty()) {
            Label none = new Label(I18n.get("contracts.noAttachments"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().add(none);
        }
        Button add = button("contractAttach", "contracts.attach", Feather.UPLOAD, false, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.get("contracts.attach"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                BackgroundTask.wrap(() -> context.contracts().attach(actor, c.id(), file.toPath()))
                        .onSuccess(done -> show(c))
                        .executeWith(context.executor());
            }
        });
        list.getChildren().add(add);
        return list;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static Button button(String id, String key, Feather icon, boolean accent, Runnable action) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        if (accent) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Runs a change off the UI thread; the list and this pane follow the contract as it is now. */
    private void run(java.util.concurrent.Callable<Contract> change) {
        BackgroundTask.wrap(change)
                .onSuccess(changed)
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }
}
