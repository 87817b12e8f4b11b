package io.salesdesk.app.commerce;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteService.ListedQuote;
import io.salesdesk.commerce.quote.QuoteStatus;

/**
 * 报价: the quotes the user sees with status, net total, margin and whether a discount waits for
 * approval; beside them the one selected with its lines and totals and the steps its status allows.
 */
final class QuotesView extends BorderPane implements CommerceTab {

    private final AppContext context;
    private final TableView<ListedQuote> table = new TableView<>();
    private final ComboBox<QuoteStatus> status = Pickers.optional(
            FXCollections.observableArrayList(QuoteStatus.values()), s -> I18n.label("quoteStatus", s),
            I18n.get("quotes.allStatuses"));
    private final Label count = new Label();
    private final QuoteDetailPane detail;

    /** @param contractMade shows a contract made from a quote (on the contracts view) */
    QuotesView(AppContext context, Consumer<Contract> contractMade) {
        this.context = context;
        setId("quotesView");
        detail = new QuoteDetailPane(context, this::quoteChanged, contractMade);
        status.setId("quoteStatusFilter");
        status.valueProperty().addListener((obs, was, now) -> refresh());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button(I18n.get("quotes.new"), new FontIcon(Feather.PLUS));
        create.setId("quoteNew");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> QuoteFormDialog.create(context, this::quoteChanged));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, status, count, spacer, create);
        filters.setAlignment(Pos.CENTER_LEFT);
        createTable();
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.56);
        SplitPane.setResizableWithParent(detail, false);
        setTop(filters);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
    }

    private void createTable() {
        table.setId("quoteTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<ListedQuote>text("quotes.col.no", q -> q.quote().quoteNo(), 110),
                Columns.<ListedQuote>text("quotes.col.customer", ListedQuote::customerName, 170),
                Columns.node("quotes.col.status", q -> StatusChips.quote(q.quote().status()), 80),
                Columns.money("quotes.col.net", q -> q.quote().totalNet(), 110),
                Figures.percentColumn("quotes.col.margin", q -> q.quote().marginPct(), 64),
                Columns.<ListedQuote>text("quotes.col.validUntil", q -> Formats.date(q.quote().validUntil()), 90),
                Columns.node("quotes.col.approval", QuotesView::approvalFlag, 60)));
        // Number, status, amount and date stay whole; the customer's name gives way first.
        double[] minimum = {112, 0, 72, 104, 62, 90, 64};
        for (int i = 0; i < minimum.length; i++) {
            table.getColumns().get(i).setMinWidth(minimum[i]);
        }
        table.setPlaceholder(new Label(I18n.get("quotes.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                detail.show(now == null ? null : now.quote(), now == null ? null : now.customerName()));
    }

    /** A flag on quotes whose discount still waits for a manager. */
    private static Label approvalFlag(ListedQuote q) {
        Quote quote = q.quote();
        boolean waiting = quote.needsApproval() && (quote.status() == QuoteStatus.DRAFT
                || quote.status() == QuoteStatus.NEEDS_APPROVAL);
        Label flag = new Label(waiting ? I18n.get("quotes.flag.waiting") : "");
        if (waiting) {
            flag.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            flag.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        }
        return flag;
    }

    @Override
    public void refresh() {
        load(detail.current() == null ? null : detail.current().id());
    }

    private void load(UUID keep) {
        var viewer = context.currentUser().asActor();
        QuoteStatus wanted = status.getValue();
        BackgroundTask.wrap(() -> context.quotes().list(viewer, wanted))
                .onSuccess(quotes -> {
                    table.getItems().setAll(quotes);
                    count.setText(I18n.get("quotes.count", quotes.size()));
                    quotes.stream().filter(q -> q.quote().id().equals(keep)).findFirst()
                            .ifPresentOrElse(q -> {
                                table.getSelectionModel().select(q);
                                table.scrollTo(q);
                                detail.show(q.quote(), q.customerName());
                            }, () -> {
                                if (!quotes.isEmpty()) {
                                    table.getSelectionModel().select(0);
                                } else {
                                    detail.show(null, null);
                                }
                            });
                })
                .executeWith(context.executor());
    }

    /** A quote was made or moved on: list again and show it. */
    private void quoteChanged(Quote changed) {
        load(changed.id());
    }
}
