package io.salesdesk.app.commerce;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.Managers;
import io.salesdesk.commerce.freeze.OrderFreeze;

/**
 * 订单冻结: the same-category holds a shortage put on customers' orders, ending first first; a
 * manager lifts one early with a reason (解除冻结).
 */
final class FreezesPane extends BorderPane {

    private final AppContext context;
    private final TableView<Row> table = new TableView<>();
    private final Label title = new Label();

    /** A freeze with its customer's name. */
    record Row(OrderFreeze freeze, String customer) {
    }

    FreezesPane(AppContext context) {
        this.context = context;
        setId("freezesPane");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon(Feather.LOCK));
        Label hint = new Label(I18n.get("freezes.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, hint, spacer);
        head.setAlignment(Pos.CENTER_LEFT);
        if (Managers.isManager(context.currentUser().asActor())) {
            Button lift = new Button(I18n.get("freezes.lift"), new FontIcon(Feather.UNLOCK));
            lift.setId("freezeLift");
            lift.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            lift.setOnAction(e -> lift(table.getSelectionModel().getSelectedItem()));
            head.getChildren().add(lift);
        }
        ZoneId zone = context.clock().getZone();
        table.setId("freezeTable");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.<Row>text("freezes.col.customer", Row::customer, 200),
                Columns.<Row>text("freezes.col.category", r -> r.freeze().category(), 100),
                Columns.<Row>text("freezes.col.until", r -> Formats.dateTime(r.freeze().heldUntil(), zone), 130),
                Columns.<Row>text("freezes.col.reason", r -> r.freeze().reason(), 300)));
        table.setPlaceholder(new Label(I18n.get("freezes.none")));
        setTop(head);
        setCenter(table);
        BorderPane.setMargin(table, new Insets(6, 0, 0, 0));
        setPadding(new Insets(10, 0, 0, 0));
        show(List.of());
    }

    void refresh() {
        var viewer = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
                    // Only the customers the viewer may see, as everywhere else in the window.
                    Map<UUID, java.util.Optional<String>> names = new HashMap<>();
                    return context.freezes().allActive().stream()
                            .map(f -> names.computeIfAbsent(f.customerId(), id -> context.customers()
                                    .open(viewer, id).map(d -> d.customer().name()))
                                    .map(name -> new Row(f, name)).orElse(null))
                            .filter(java.util.Objects::nonNull)
                            .toList();
                })
                .onSuccess(this::show)
                .executeWith(context.executor());
    }

    private void show(List<Row> rows) {
        table.getItems().setAll(rows);
        title.setText(I18n.get("freezes.title", rows.size()));
    }

    private void lift(Row row) {
        var actor = context.currentUser().asActor();
        Prompts.reason(I18n.get("freezes.lift"), I18n.get("freezes.lift.question", row.customer(),
                        row.freeze().category()))
                .ifPresent(why -> BackgroundTask.wrap(() -> context.freezes().lift(actor, row.freeze().id(), why))
                        .onSuccess(done -> refresh())
                        .onFailure(ErrorDialogs::show)
                        .executeWith(context.executor()));
    }
}
