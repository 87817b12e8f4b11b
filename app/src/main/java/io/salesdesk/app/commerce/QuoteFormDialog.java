package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.CustomerSearch;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;

/**
 * 新建 / 编辑报价: the customer (searched by name as the user types), how long the prices hold, the
 * lines, and the totals and margin as the quote service prices them while the user types — with the
 * note that a manager must approve when a discount is above the threshold.
 */
final class QuoteFormDialog extends FormDialog<Quote> {


    private final AppContext context;
    private final Quote existing;
    private final List<Product> products;
    /** The version the edit is saved on: the quote opened, or theirs once a stale save was merged. */
    private Quote base;
    private final ComboBox<Customer> customer = new ComboBox<>();
    private final DatePicker validUntil = new DatePicker();
    private final TextField note = new TextField();
    private final QuoteLinesEditor lines;
    private final StackPane totals = new StackPane();
    private final Label approval = approvalNote("quoteFormApproval", null, null);
    private final PauseTransition typing = new PauseTransition(Duration.millis(200));
    private long previewNo;

    private QuoteFormDialog(AppContext context, Quote existing, String customerName, List<Product> products) {
        super(existing == null ? I18n.get("quotes.new.title") : I18n.get("quotes.edit.title", existing.quoteNo()),
                "quoteSave");
        this.context = context;
        this.existing = existing;
        this.base = existing;
        this.products = products;
        lines = new QuoteLinesEditor(products, typing::playFromStart);
        typing.setOnFinished(e -> preview());
        customer.setId("quoteCustomer");
        customer.setMaxWidth(Double.MAX_VALUE);
        validUntil.setId("quoteValidUntil");
        validUntil.setValue(existing != null ? existing.validUntil()
                : BusinessTime.today(context.clock()).plusDays(io.salesdesk.commerce.quote.QuoteService.DEFAULT_VALID_DAYS));
        validUntil.valueProperty().addListener((obs, was, now) -> typing.playFromStart());
        note.setId("quoteNote");
        note.setPromptText(I18n.get("quotes.form.note.prompt"));
        approval.setVisible(false);
        approval.setManaged(false);
        totals.setId("quoteFormTotals");
        totals.getStyleClass().add("quote-form-totals");
        totals.setMinHeight(64);

        GridPane head = grid();
        if (existing == null) {
            setUpCustomerSearch();
            head.add(field("customerId", I18n.get("quotes.form.customer"), customer), 0, 0);
        } else {
            note.setText(existing.note());
            Label fixed = new Label(customerName);
            fixed.getStyleClass().add(Styles.TEXT_BOLD);
            head.add(field("customerId", I18n.get("quotes.form.customer"), fixed), 0, 0);
        }
        head.add(field("validUntil", I18n.get("quotes.form.validUntil"), validUntil), 1, 0);
        head.add(field("note", I18n.get("quotes.form.note"), note), 0, 1, 2, 1);
        customer.setPrefWidth(340);
        lines.setLines(existing == null ? List.of() : existing.lines());
        VBox form = new VBox(12, head, field("lines", I18n.get("quotes.form.lines"), lines), totals, approval);
        form.setPrefWidth(760);
        setForm(form);
        showTotals(null, I18n.get("quotes.form.totalsPending"));
        setOnShown(e -> {
            (existing == null ? customer : note).requestFocus();
            preview();
        });
    }

    /** Reads the products on sale, then opens the form for a new quote. */
    static void create(AppContext context, Consumer<Quote> created) {
        open(context, null, null, created);
    }

    /** Opens the form on an unsent quote; its customer stays. */
    static void edit(AppContext context, Quote quote, String customerName, Consumer<Quote> saved) {
        open(context, quote, customerName, saved);
    }

    private static void open(AppContext context, Quote quote, String customerName, Consumer<Quote> done) {
        BackgroundTask.wrap(() -> context.products().list(null, null, true))
                .onSuccess(products -> new QuoteFormDialog(context, quote, customerName, products).showAndWait()
                        .ifPresent(done))
                .executeWith(context.executor());
    }

    /** The note that a discount needs a manager's approval; the figures may come later. */
    static Label approvalNote(String id, BigDecimal maxDiscount, BigDecimal threshold) {
        Label label = new Label(approvalText(maxDiscount, threshold), new FontIcon(Feather.ALERT_TRIANGLE));
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("approval-note");
        return label;
    }

    static String approvalText(BigDecimal maxDiscount, BigDecimal threshold) {
        if (maxDiscount == null || threshold == null) {
            return I18n.get("quotes.approval.short");
        }
        return I18n.get("quotes.approval.note", threshold.stripTrailingZeros().toPlainString(),
                maxDiscount.stripTrailingZeros().toPlainString());
    }

    /** The customer box searches as the user types, as the opportunity form's does. */
    private void setUpCustomerSearch() {
        CustomerSearch.attach(customer, context, I18n.get("quotes.form.customer.prompt"));
        customer.valueProperty().addListener((obs, was, now) -> typing.playFromStart());
    }

    private QuoteDraft draft(boolean completeLinesOnly) {
        java.util.UUID customerId = existing != null ? existing.customerId()
                : customer.getValue() == null ? null : customer.getValue().id();
        return new QuoteDraft(customerId, existing == null ? null : existing.opportunityId(), validUntil.getValue(),
                text(note), lines.drafts(completeLinesOnly));
    }

    /** Prices the lines as they are now; only the latest answer is shown. */
    private void preview() {
        QuoteDraft draft = draft(true);
        if (draft.customerId() == null || draft.lines().isEmpty()) {
            lines.showNets(List.of());
            showTotals(null, I18n.get(draft.customerId() == null ? "quotes.form.pickCustomer"
                    : "quotes.form.totalsPending"));
            return;
        }
        long asked = ++previewNo;
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> new Priced(context.quotes().preview(actor, draft), context.quotes()
                        .approvalThresholdPct()))
                .onSuccess(priced -> {
                    if (asked == previewNo) {
                        lines.showNets(priced.quote().lines());
                        showTotals(priced, null);
                    }
                })
                .onFailure(error -> {
                    if (asked == previewNo) {
                        lines.showNets(List.of());
                        showTotals(null, error instanceof ValidationException v ? v.problems().stream()
                                .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                                .reduce((a, b) -> a + "\n" + b).orElse("") : I18n.message(error));
                    }
                })
                .executeWith(context.executor());
    }

    private record Priced(Quote quote, BigDecimal threshold) {
    }

    private void showTotals(Priced priced, String message) {
        if (priced == null) {
            Label text = new Label(message);
            text.setWrapText(true);
            text.getStyleClass().addAll(Styles.TEXT_MUTED);
            totals.getChildren().setAll(text);
            approval.setVisible(false);
            approval.setManaged(false);
            fitToContent();
            return;
        }
        Quote q = priced.quote();
        Node row = QuoteDetailPane.totals(q.totalList(), q.totalNet(), q.totalCost(), "quoteFormFigures");
        row.getStyleClass().remove("quote-totals");
        totals.getChildren().setAll(row);
        approval.setText(approvalText(q.maxDiscountPct(), priced.threshold()));
        approval.setVisible(q.needsApproval());
        approval.setManaged(q.needsApproval());
        fitToContent();
    }

    /** The note and new lines make the form taller: grow the window so the buttons stay in view. */
    private void fitToContent() {
        javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    @Override
    protected void save() {
        if (lines.hasUnreadableNumbers()) {
            showFailure(new ValidationException(List.of(FieldProblem.of("lines", "quotes.form.notANumber"))));
            return;
        }
        QuoteDraft draft = draft(false);
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> existing == null ? context.quotes().create(actor, draft)
                        : context.quotes().update(actor, existing.id(), base.version(), draft))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException stale && existing != null) {
                        resolveConflict(stale, draft);
                    } else {
                        showFailure(error);
                    }
                })
                .executeWith(context.executor());
    }

    /**
     * Someone saved the quote since the edit started: the user merges field by field and the merge is
     * saved on their version (coming back with newer values if someone saved again meanwhile). A
     * quote deleted, sent or answered meanwhile cannot be edited any more, and the form says so.
     */
    private void resolveConflict(StaleRecordException stale, QuoteDraft mine) {
        if (!(stale.current() instanceof Quote theirs)) {
            showGeneralProblem(I18n.get("merge.deleted", existing.quoteNo()));
            return;
        }
        if (!theirs.status().editable()) {
            showFailure(new CommerceException("quote.notEditable", theirs.quoteNo(),
                    I18n.label("quoteStatus", theirs.status())));
            return;
        }
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.quotes().history(actor, theirs.id()))
                .onSuccess(history -> {
                    FieldMerge merge = FieldMerge.of(QuoteVersions.fields(QuoteVersions.draftOf(base)),
                            QuoteVersions.fields(mine), QuoteVersions.fields(QuoteVersions.draftOf(theirs)));
                    Optional<Map<String, String>> merged = new FieldMergeDialog(theirs.quoteNo(), merge,
                            QuoteVersions.mergeFields(context, productNames(theirs)).words(history)).merged();
                    if (merged.isEmpty()) {
                        close();
                        return;
                    }
                    base = theirs;
                    QuoteDraft chosen = QuoteVersions.draft(mine, merged.get());
                    // The form shows what is saved, so a save refused for another reason is retried on the merge.
                    validUntil.setValue(chosen.validUntil());
                    note.setText(chosen.note());
                    lines.setDrafts(chosen.lines());
                    save();
                })
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }

    /** Each product of the lines in the three versions by name, as the quote's detail names it. */
    private Map<UUID, String> productNames(Quote theirs) {
        Map<UUID, String> names = new HashMap<>();
        for (Quote q : List.of(base, theirs)) {
            q.lines().forEach(l -> names.put(l.productId(), l.name()));
        }
        products.forEach(p -> names.put(p.id(), p.name()));
        return names;
    }
}
