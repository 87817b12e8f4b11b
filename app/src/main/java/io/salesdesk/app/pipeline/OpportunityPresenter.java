package io.salesdesk.app.pipeline;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.board.CardFaces;
import io.salesdesk.app.board.CardPresenter;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.app.tasks.TaskFormDialog;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.FieldChange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Opportunity cards: the deal, its customer and the figures the board asks for; the drawer shows all. */
final class OpportunityPresenter implements CardPresenter {

    /** A deal this long in one stage is flagged as stuck. */
    private static final long STUCK_DAYS = 30;

    private final AppContext context;
    private final EventBus bus;

    OpportunityPresenter(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.OPPORTUNITY;
    }

    @Override
    public Node render(Card card, List<BoardField> fields, String colour) {
        Opportunity deal = (Opportunity) card.item();
        Label title = CardFaces.title(deal.name());
        VBox face = new VBox(6, title);
        FlowPane chips = new FlowPane(10, 4);
        for (BoardField field : fields) {
            switch (field) {
                case CUSTOMER -> face.getChildren().add(CardFaces.line(deal.customerName(), Feather.BRIEFCASE));
                case AMOUNT -> {
                    if (deal.amount() != null) {
                        chips.getChildren().add(CardFaces.chip(Formats.money(deal.amount()), null, "kanban-card-amount"));
                    }
                }
                case EXPECTED_CLOSE -> {
                    if (deal.expectedCloseOn() != null) {
                        boolean late = deal.closedAt() == null
                                && deal.expectedCloseOn().isBefore(LocalDate.now(context.clock()));
                        chips.getChildren().add(CardFaces.chip(Formats.shortDate(deal.expectedCloseOn(), context.clock()),
                                Feather.CALENDAR, late ? "kanban-card-late" : null));
                    }
                }
                case OWNER -> chips.getChildren().add(CardFaces.chip(deal.ownerName(), Feather.USER, null));
                case PROBABILITY -> chips.getChildren().add(CardFaces.chip(deal.probability() + "%", Feather.PERCENT, null));
                case PRODUCTS -> {
                    if (deal.products() != null) {
                        face.getChildren().add(CardFaces.line(deal.products(), Feather.PACKAGE));
                    }
                }
                case DAYS_IN_STAGE -> {
                    long days = daysInStage(deal);
                    if (deal.closedAt() == null) {
                        chips.getChildren().add(CardFaces.chip(I18n.get("pipeline.daysInStage", days), Feather.CLOCK,
                                days >= STUCK_DAYS ? "kanban-card-stuck" : null));
                    }
                }
                case TIER -> chips.getChildren().add(CardFaces.chip(I18n.get("tier.long." + deal.customerTier().name()), null, null));
                case REGION -> chips.getChildren().add(CardFaces.chip(context.regions().fullName(deal.regionCode()), Feather.MAP_PIN,
                        null));
                default -> { }
            }
        }
        if (!chips.getChildren().isEmpty()) {
            face.getChildren().add(chips);
        }
        return CardFaces.face(face, colour);
    }

    @Override
    public String title(Card card) {
        return ((Opportunity) card.item()).name();
    }

    @Override
    public String reason(Card card) {
        return ((Opportunity) card.item()).closeReason();
    }

    @Override
    public Node quickAdd(String column, Runnable added) {
        OpportunityStage stage = context.opportunities().stage(column);
        if (stage.closes()) {
            return null;
        }
        Button add = new Button(I18n.get("pipeline.addHere"), new FontIcon(Feather.PLUS));
        add.setId("add-" + column);
        add.getStyleClass().addAll(Styles.FLAT, "kanban-add");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> OpportunityFormDialog.create(context, column, null).showAndWait()
                .ifPresent(created -> added.run()));
        return add;
    }

    @Override
    public Node detail(Card card, Runnable changed) {
        Opportunity deal = (Opportunity) card.item();
        OpportunityStage stage = context.opportunities().stage(deal.stage());
        Label title = new Label(deal.name());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Hyperlink customer = new Hyperlink(deal.customerName());
        customer.setId("drawerCustomer");
        customer.setOnAction(e -> bus.publish(new Navigation.OpenCustomer(deal.customerId(), deal.customerName())));
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(8);
        int row = 0;
        facts.addRow(row++, key("pipeline.field.customer"), customer);
        facts.addRow(row++, key("pipeline.field.stage"), value(stage.name(I18n.locale()) + " · " + deal.probability() + "%"));
        facts.addRow(row++, key("pipeline.field.amount"), value(deal.amount() == null ? "—" : Formats.money(deal.amount())));
        facts.addRow(row++, key("pipeline.field.expectedClose"), value(deal.expectedCloseOn() == null ? "—"
                : Formats.date(deal.expectedCloseOn())));
        facts.addRow(row++, key("pipeline.field.owner"), value(deal.ownerName()));
        facts.addRow(row++, key("pipeline.field.products"), value(deal.products() == null ? "—" : deal.products()));
        facts.addRow(row++, key("pipeline.field.inStageSince"), value(I18n.get("pipeline.daysInStage",
                daysInStage(deal))));
        if (deal.closeReason() != null) {
            facts.addRow(row, key("pipeline.field.closeReason"), value(deal.closeReason()));
        }
        Button edit = new Button(I18n.get("action.edit"), new FontIcon(Feather.EDIT_2));
        edit.setId("editOpportunity");
        edit.setOnAction(e -> OpportunityFormDialog.edit(context, deal).showAndWait().ifPresent(saved -> changed.run()));
        Button task = new Button(I18n.get("tasks.new"), new FontIcon(Feather.CHECK_SQUARE));
        task.setId("opportunityTask");
        task.setOnAction(e -> TaskFormDialog.forOpportunity(context, deal.customerId(), deal.id(), deal.name())
                .showAndWait());
        HBox actions = new HBox(8, edit, task);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label historyTitle = new Label(I18n.get("pipeline.history"));
        historyTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox history = new VBox(6);
        history.setId("opportunityHistory");
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.opportunities().history(viewer, deal.id()))
                .onSuccess(entries -> {
                    List<ChangeEntry> newestFirst = new java.util.ArrayList<>(entries);
                    java.util.Collections.reverse(newestFirst);
                    for (ChangeEntry entry : newestFirst) {
                        history.getChildren().add(historyLine(entry));
                    }
                })
                .executeWith(context.executor());
        // The deal's kept stock check, if it has planned products: what it can count on delivering.
        io.salesdesk.app.commerce.StockCheckView stock = new io.salesdesk.app.commerce.StockCheckView();
        BackgroundTask.wrap(() -> context.opportunityLines().lastCheck(viewer, deal.id()))
                .onSuccess(check -> check.ifPresent(stock::show))
                .onFailure(error -> stock.clear())
                .executeWith(context.executor());
        VBox detail = new VBox(16, title, facts, stock, actions, historyTitle, history);
        detail.setId("opportunityDetail");
        detail.getStyleClass().add("board-detail");
        return detail;
    }

    /** "11月27日 15:20 · 石玲 · 阶段：需求确认 → 方案演示", or "创建" for the first entry. */
    private Node historyLine(ChangeEntry entry) {
        String what;
        FieldChange stage = entry.changes().get("stage");
        if (entry.operation() == ChangeEntry.Operation.INSERT) {
            what = I18n.get("pipeline.history.created");
        } else if (stage != null) {
            what = I18n.get("pipeline.history.stage", stageName(stage.oldValue()), stageName(stage.newValue()));
        } else {
            what = entry.changes().keySet().stream().filter(k -> !k.equals("boardRank"))
                    .map(k -> I18n.has("pipeline.field." + k) ? I18n.get("pipeline.field." + k) : k)
                    .collect(java.util.stream.Collectors.joining("、"));
            what = what.isEmpty() ? I18n.get("pipeline.history.reordered") : I18n.get("pipeline.history.edited", what);
        }
        Label when = new Label(Formats.dateTime(entry.changedAt(), context.clock().getZone()) + " · "
                + (entry.changedByName() == null ? "" : entry.changedByName()));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label line = new Label(what);
        line.setWrapText(true);
        return new VBox(2, when, line);
    }

    private String stageName(String code) {
        if (code == null) {
            return "—";
        }
        try {
            return context.opportunities().stage(code).name(I18n.locale());
        } catch (io.salesdesk.core.SalesDeskException unknown) {
            return code;
        }
    }

    private long daysInStage(Opportunity deal) {
        return Math.max(0, ChronoUnit.DAYS.between(deal.stageChangedAt().toLocalDate(), LocalDate.now(context.clock())));
    }



    private static Label key(String messageKey) {
        Label label = new Label(I18n.get(messageKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
