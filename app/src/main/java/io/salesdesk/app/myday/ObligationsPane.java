package io.salesdesk.app.myday;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.insight.tier.Obligation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * 分级动作 on My Day: what the user's customers still need under the tier action rules this period
 * ("客户 X 本月还需 1 次演示，剩余 6 个工作日"), fewest days left first; a double click opens the customer.
 */
final class ObligationsPane extends VBox {

    private final AppContext context;
    private final ListView<Obligation> list = new ListView<>();
    private final Label title = new Label();

    ObligationsPane(AppContext context, EventBus bus) {
        super(8);
        this.context = context;
        setId("myObligations");
        title.getStyleClass().add(Styles.TITLE_4);
        list.setId("obligationList");
        Label empty = new Label(I18n.get("myday.obligations.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(l -> new ListCell<>() {
            private final Label customer = new Label();
            private final Label detail = new Label();
            private final VBox box = new VBox(2, customer, detail);

            {
                customer.getStyleClass().add(Styles.TEXT_BOLD);
                detail.getStyleClass().add(Styles.TEXT_SMALL);
                detail.setWrapText(true);
                // Wrap within the list rather than scroll sideways.
                box.maxWidthProperty().bind(l.widthProperty().subtract(28));
                box.prefWidthProperty().bind(box.maxWidthProperty());
            }

            @Override
            protected void updateItem(Obligation o, boolean isEmpty) {
                super.updateItem(o, isEmpty);
                setText(null);
                getStyleClass().remove("overdue");
                if (isEmpty || o == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                customer.setText(o.customerName());
                detail.setText(I18n.get("myday.obligations.detail", I18n.label("tier.period.this", o.period()),
                        o.missing(), I18n.label("activityKind", o.activityKind()), o.workingDaysLeft(), o.ruleName()));
                setGraphic(box);
                setTooltip(new Tooltip(customer.getText() + "\n" + detail.getText()));
                if (o.missing() > o.workingDaysLeft()) {
                    getStyleClass().add("overdue");
                }
            }
        });
        list.setOnMouseClicked(e -> {
            Obligation o = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && o != null) {
                bus.publish(new Navigation.OpenCustomer(o.customerId(), o.customerName()));
            }
        });
        list.setPrefHeight(200);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        setPrefWidth(340);
        reload();
    }

    void reload() {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.tiers().obligations(viewer))
                .onSuccess(open -> {
                    list.getItems().setAll(open);
                    title.setText(I18n.get("myday.obligations.title", open.size()));
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }
}
