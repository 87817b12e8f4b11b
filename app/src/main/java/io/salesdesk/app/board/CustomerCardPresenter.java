package io.salesdesk.app.board;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.board.BoardField;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.Card;
import io.salesdesk.crm.Customer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Customer cards on key-account boards: the customer, its owner and follow-up dates; the drawer opens it. */
public final class CustomerCardPresenter implements CardPresenter {

    private final AppContext context;
    private final EventBus bus;

    public CustomerCardPresenter(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.CUSTOMER;
    }

    @Override
    public Node render(Card card, List<BoardField> fields, String colour) {
        Customer customer = (Customer) card.item();
        VBox face = new VBox(6, CardFaces.title(customer.name()));
        FlowPane chips = new FlowPane(10, 4);
        for (BoardField field : fields) {
            switch (field) {
                case CUSTOMER_TIER -> chips.getChildren().add(CardFaces.chip(I18n.get("tier.long." + customer.tier().name()),
                        null, null));
                case CUSTOMER_OWNER -> chips.getChildren().add(CardFaces.chip(customer.ownerName() == null
                        ? I18n.get("boardCustomer.pool") : customer.ownerName(), Feather.USER, null));
                case CUSTOMER_REGION -> {
                    if (customer.regionName() != null) {
                        chips.getChildren().add(CardFaces.chip(customer.regionName(), Feather.MAP_PIN, null));
                    }
                }
                case INDUSTRY -> {
                    if (customer.industry() != null) {
                        chips.getChildren().add(CardFaces.chip(industry(customer.industry()), Feather.BRIEFCASE, null));
                    }
                }
                case LAST_FOLLOW_UP -> {
                    if (customer.lastFollowUpAt() != null) {
                        chips.getChildren().add(CardFaces.chip(Formats.shortDate(customer.lastFollowUpAt()
                                .atZoneSameInstant(ZoneId.systemDefault()).toLocalDate(), context.clock()),
                                Feather.MESSAGE_SQUARE, null));
                    }
                }
                case NEXT_FOLLOW_UP -> {
                    if (customer.nextFollowUpOn() != null) {
                        boolean late = customer.nextFollowUpOn().isBefore(LocalDate.now(context.clock()));
                        chips.getChildren().add(CardFaces.chip(Formats.shortDate(customer.nextFollowUpOn(),
                                context.clock()), Feather.CALENDAR, late ? "kanban-card-late" : null));
                    }
                }
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
        return ((Customer) card.item()).name();
    }

    @Override
    public String laneTitle(String lane) {
        return lane.length() == 1 && I18n.has("tier.long." + lane) ? I18n.get("tier.long." + lane) : lane;
    }

    @Override
    public Node detail(Card card, Runnable changed) {
        Customer customer = (Customer) card.item();
        Label title = new Label(customer.name());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(8);
        int row = 0;
        facts.addRow(row++, muted(I18n.get("boardField.CUSTOMER_TIER")), new Label(I18n.get("tier.long." + customer.tier().name())));
        facts.addRow(row++, muted(I18n.get("boardField.CUSTOMER_OWNER")), new Label(customer.ownerName() == null
                ? I18n.get("boardCustomer.pool") : customer.ownerName()));
        facts.addRow(row++, muted(I18n.get("boardField.CUSTOMER_REGION")), new Label(customer.regionName() == null ? "—"
                : customer.regionName()));
        facts.addRow(row, muted(I18n.get("boardField.NEXT_FOLLOW_UP")), new Label(customer.nextFollowUpOn() == null ? "—"
                : Formats.date(customer.nextFollowUpOn())));
        Button open = new Button(I18n.get("boardCustomer.open"), new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("openCustomer");
        open.setOnAction(e -> bus.publish(new Navigation.OpenCustomer(customer.id(), customer.name())));
        VBox detail = new VBox(16, title, facts, open);
        detail.setId("customerCardDetail");
        detail.getStyleClass().add("board-detail");
        return detail;
    }

    @Override
    public Node quickAdd(String column, Runnable added) {
        return null;
    }

    private static String industry(String code) {
        return I18n.has("industry." + code) ? I18n.get("industry." + code) : code;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
