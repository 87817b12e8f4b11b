package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.Managers;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteLine;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.quote.QuoteStatus;
import io.salesdesk.core.SalesDeskException;

/**
 * One quote: customer, validity, lines and totals with cost and margin; a note when a discount
 * waits for a manager; and the next steps — edit, submit, approve (managers), send, and the
 * customer's answer, then a contract from an accepted quote. A step the quote service refuses
 * (approval missing, orders frozen, expired) says why under the buttons, in the service's words.
 */
final class QuoteDetailPane extends StackPane {

    private final AppContext context;
    private final Consumer<Quote> changed;
    private final Consumer<Contract> contractMade;
    private final VBox body = new VBox(14);
    private final Label placeholder = new Label(I18n.get("quotes.pick"));
    private final Label problem = new Label();
    private Quote current;
    private String customerName;

    /**
     * @param changed      called with a quote that was saved or moved on
     * @param contractMade called with the draft contract made from an accepted quote
     */
    QuoteDetailPane(AppContext context, Consumer<Quote> changed, Consumer<Contract> contractMade) {
        this.context = context;
        this.changed = changed;
        this.contractMade = contractMade;
        setId("quoteDetail");
        body.setPadding(new Insets(4, 4, 4, 16));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        problem.setId("quoteProblem");
        problem.setWrapText(true);
        problem.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        problem.getStyleClass().add("quote-problem");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        getChildren().addAll(placeholder, scroll);
        show(null, null);
    }

    Quote current() {
        return current;
    }

    void show(Quote quote, String customer) {
        current = quote;
        customerName = customer;
        getChildren().get(1).setVisible(quote != null);
        placeholder.setVisible(quote == null);
        if (quote != null) {
            fill(quote);
        }
    }

    private void fill(Quote q) {
        Label no = new Label(q.quoteNo());
        no.setId("quoteDetailNo");
        no.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label(customerName);
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        HBox head = new HBox(10, title, StatusChips.quote(q.status()));
        head.setAlignment(Pos.CENTER_LEFT);
        Label validity = new Label(I18n.get("quotes.detail.validUntil", Formats.date(q.validUntil()))
                + (q.sentAt() == null ? "" : "  ·  " + I18n.get("quotes.detail.sentAt",
                        Formats.dateTime(q.sentAt(), context.clock().getZone()))));
        validity.getStyleClass().add(Styles.TEXT_MUTED);

        problem.setVisible(false);
        problem.setManaged(false);
        body.getChildren().setAll(no, head, validity);
        if (q.needsApproval() && (q.status() == QuoteStatus.DRAFT || q.status() == QuoteStatus.NEEDS_APPROVAL)) {
            Label note = QuoteFormDialog.approvalNote("quoteApprovalNote", q.maxDiscountPct(), null);
            body.getChildren().add(note);
            BackgroundTask.wrap(() -> context.quotes().approvalThresholdPct())
                    .onSuccess(threshold -> note.setText(QuoteFormDialog.approvalText(q.maxDiscountPct(), threshold)))
                    .executeWith(context.executor());
        }
        if (q.status() == QuoteStatus.NEEDS_APPROVAL) {
            // Under the workspace's quote flow the request decides; say so while it runs.
            Label inApproval = new Label(I18n.get("quotes.detail.inApproval"));
            inApproval.setId("quoteInApproval");
            inApproval.setWrapText(true);
            inApproval.getStyleClass().add(Styles.ACCENT);
            inApproval.setVisible(false);
            inApproval.setManaged(false);
            body.getChildren().add(inApproval);
            BackgroundTask.wrap(() -> context.approvals().pendingFor(QuoteService.APPROVAL_ENTITY, q.id()).isPresent())
                    .onSuccess(pending -> {
                        inApproval.setVisible(pending);
                        inApproval.setManaged(pending);
                    })
                    .executeWith(context.executor());
        }
        if (q.note() != null) {
            Label note = new Label(q.note());
            note.setWrapText(true);
            body.getChildren().add(note);
        }
        body.getChildren().addAll(actions(q), problem, section("quotes.detail.lines"), lines(q.lines()),
                totals(q.totalList(), q.totalNet(), q.totalCost(), "quoteTotals"));
    }

    private static Node lines(List<QuoteLine> lines) {
        TableView<QuoteLine> table = new TableView<>();
        table.setId("quoteLines");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Columns.<QuoteLine>text("quotes.line.sku", l -> l.sku() + "  " + l.name(), 150),
                Figures.<QuoteLine>quantityColumn("quotes.line.qty", QuoteLine::quantity, 45),
                Columns.money("quotes.line.unitPrice", QuoteLine::unitPrice, 90),
                Figures.<QuoteLine>percentColumn("quotes.line.discount", QuoteLine::discountPct, 55),
                Columns.money("quotes.line.net", QuoteLine::netAmount, 100),
                Columns.money("quotes.line.cost", QuoteLine::costAmount, 100)));
        double[] minimum = {0, 44, 96, 62, 100, 96};
        for (int i = 0; i < minimum.length; i++) {
            table.getColumns().get(i).setMinWidth(minimum[i]);
        }
        table.getItems().setAll(lines);
        table.setFixedCellSize(30);
        table.setPrefHeight(34 + 30 * Math.max(2, lines.size()) + 4);
        return table;
    }

    /** List, net, cost, margin and margin % as a row of figures (also the quote form's live totals). */
    static Node totals(BigDecimal list, BigDecimal net, BigDecimal cost, String id) {
        BigDecimal marginPct = Figures.marginPct(net, cost);
        FlowPane row = new FlowPane(22, 8,
                figure("quotes.total.list", Columns.yuan(list), null),
                figure("quotes.total.net", Columns.yuan(net), id + "-net"),
                figure("quotes.total.cost", Columns.yuan(cost), null),
                figure("quotes.total.margin", Columns.yuan(net.subtract(cost)), null),
                figure("quotes.total.marginPct", Figures.percent(marginPct), id + "-marginPct"));
        row.setId(id);
        row.getStyleClass().add("quote-totals");
        return row;
    }

    private static Node figure(String key, String value, String id) {
        Label caption = new Label(I18n.get(key));
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label number = new Label(value);
        number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        number.getStyleClass().addAll(Styles.TEXT_BOLD, "quote-figure");
        if (id != null) {
            number.setId(id);
        }
        return new VBox(2, caption, number);
    }

    /** What the quote's status allows the user. */
    private Node actions(Quote q) {
        FlowPane row = new FlowPane(8, 8);
        var actor = context.currentUser().asActor();
        boolean manager = Managers.isManager(actor);
        if (q.status().editable()) {
            row.getChildren().add(button("quoteEdit", "action.edit", Feather.EDIT_2, false, () ->
                    QuoteFormDialog.edit(context, q, customerName, changed)));
        }
        if (q.status() == QuoteStatus.DRAFT) {
            row.getChildren().add(button("quoteSubmit", "quotes.submit", Feather.CHECK, q.needsApproval(), () -> run(() -> context.quotes().submit(actor, q.id(), q.version()))));
        }
        boolean waiting = q.needsApproval() && (q.status() == QuoteStatus.DRAFT
                || q.status() == QuoteStatus.NEEDS_APPROVAL);
        if (waiting && manager) {
            row.getChildren().add(button("quoteApprove", "quotes.approve", Feather.THUMBS_UP, true,
                    () -> run(() -> context.quotes().approve(q.id(), actor))));
        }
        if (q.status() == QuoteStatus.DRAFT || q.status() == QuoteStatus.NEEDS_APPROVAL
                || q.status() == QuoteStatus.READY) {
            // Shown even while approval is missing: the service says why it cannot go yet.
            row.getChildren().add(button("quoteSend", "quotes.send", Feather.SEND, !waiting, () ->
                    run(() -> context.quotes().send(actor, q.id(), q.version()))));
        }
        if (q.status() == QuoteStatus.SENT) {
            row.getChildren().add(button("quoteAccept", "quotes.accept", Feather.CHECK_CIRCLE, true,
                    () -> run(() -> context.quotes().accept(actor, q.id(), q.version()))));
            row.getChildren().add(button("quoteReject", "quotes.reject", Feather.X_CIRCLE, false,
                    () -> run(() -> context.quotes().reject(actor, q.id(), q.version()))));
        }
        if (q.status() == QuoteStatus.ACCEPTED) {
            offerContract(q, row);
        }
        return row;
    }

    /**
     * What the customer accepted becomes a contract, once: the button shows until a contract that is
     * not void was made from the quote, and then a link to that contract instead.
     */
    private void offerContract(Quote q, FlowPane row) {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.contracts().list(viewer, null, q.customerId()).stream()
                        .filter(c -> q.id().equals(c.quoteId()) && c.status() != ContractStatus.VOID).findFirst())
                .onSuccess(made -> {
                    if (current != q) {
                        return; // another quote is shown by now
                    }
                    if (made.isPresent()) {
                        Hyperlink open = new Hyperlink(I18n.get("quotes.toContract.made", made.get().contractNo()),
                                new FontIcon(Feather.FILE_TEXT));
                        open.setId("quoteContractLink");
                        open.setOnAction(e -> contractMade.accept(made.get()));
                        row.getChildren().add(open);
                    } else {
                        row.getChildren().add(button("quoteToContract", "quotes.toContract", Feather.FILE_PLUS, true,
                                () -> new ContractFromQuoteDialog(context, q, customerName).showAndWait()
                                        .ifPresent(contractMade)));
                    }
                })
                .executeWith(context.executor());
    }

    private static Label section(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
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

    /** Runs a step off the UI thread; a refusal stays in the pane, in the user's words. */
    private void run(Callable<Quote> step) {
        BackgroundTask.wrap(step)
                .onSuccess(changed)
                .onFailure(error -> {
                    if (error instanceof SalesDeskException) {
                        problem.setText(I18n.message(error));
                        problem.setVisible(true);
                        problem.setManaged(true);
                    } else {
                        ErrorDialogs.show(error);
                    }
                })
                .executeWith(context.executor());
    }
}
