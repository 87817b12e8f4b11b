package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.lead.Lead;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The card a click on a pin opens beside it: the record in brief, and 打开 for a customer. */
final class PinCard {

    private final PopOver popOver = new PopOver();
    private final EventBus bus;
    private final Clock clock;

    PinCard(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_CENTER);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
        popOver.getStyleClass().add("map-card-popover");
    }

    void showCustomer(Customer c, Node anchor) {
        Label name = new Label(c.name());
        name.getStyleClass().addAll(Styles.TITLE_4, "map-card-title");
        GridPane facts = facts(
                I18n.get("map.card.tier"), c.tier() == null ? "—" : c.tier().name(),
                I18n.get("map.card.owner"), c.ownerName() == null ? I18n.get("map.card.pool") : c.ownerName(),
                I18n.get("map.card.region"), c.regionName() == null ? "—" : c.regionName(),
                I18n.get("map.card.lastFollowUp"), Formats.relative(c.lastFollowUpAt(), clock));
        Button open = new Button(I18n.get("map.card.open"), new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("mapCardOpen");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> {
            popOver.hide();
            bus.publish(new Navigation.OpenCustomer(c.id(), c.name()));
        });
        show(new VBox(8, name, facts, open), anchor);
    }

    void showLead(Lead lead, Node anchor) {
        Label name = new Label(lead.name());
        name.getStyleClass().addAll(Styles.TITLE_4, "map-card-title");
        GridPane facts = facts(
                I18n.get("map.card.status"), I18n.get("map.lead.status." + lead.status().name()),
                I18n.get("map.card.owner"), lead.ownerName() == null ? I18n.get("map.card.unassigned")
                        : lead.ownerName(),
                I18n.get("map.card.source"), lead.source() == null ? "—" : lead.source(),
                I18n.get("map.card.created"), Formats.relative(lead.createdAt(), clock));
        show(new VBox(8, name, facts), anchor);
    }

    private static GridPane facts(String... labelsAndValues) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            Label label = new Label(labelsAndValues[i]);
            label.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(i / 2, label, new Label(labelsAndValues[i + 1]));
        }
        return grid;
    }

    private void show(VBox content, Node anchor) {
        content.getStyleClass().add("map-card");
        content.setId("mapCard");
        popOver.setContentNode(content);
        popOver.show(anchor);
    }

    boolean isShowing() {
        return popOver.isShowing();
    }
}
