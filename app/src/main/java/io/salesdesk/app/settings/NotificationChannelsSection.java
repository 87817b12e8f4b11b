package io.salesdesk.app.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.workflow.notify.channel.Channel;
import io.salesdesk.workflow.notify.channel.ChannelKind;
import io.salesdesk.workflow.notify.channel.ChannelService;
import io.salesdesk.workflow.notify.channel.Delivery;

/**
 * 通知渠道: where messages go besides the in-app inbox — e-mail and the WeCom, DingTalk and Feishu
 * group robots — with each channel's last delivery, a form to add or edit one, and its log of the
 * last attempts. Only company-wide roles see it; the service refuses everyone else anyway.
 */
final class NotificationChannelsSection extends VBox {

    private final AppContext context;
    private final TableView<ChannelService.Summary> table = new TableView<>();
    private final TableView<Delivery> log = new TableView<>();
    private final Label logTitle = new Label();
    private final VBox formSlot = new VBox();
    private final VBox logBox;

    NotificationChannelsSection(AppContext context) {
        this.context = context;
        setId("notificationChannelsSection");
        ComboBox<ChannelKind> newKind = Pickers.of(List.of(ChannelKind.values()), k -> I18n.label("channels.kind", k), "");
        newKind.setId("channelNewKind");
        newKind.setValue(ChannelKind.WECOM);
        Button add = new Button(I18n.get("channels.add"), new FontIcon(Feather.PLUS));
        add.setId("channelAdd");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> showForm(null, newKind.getValue()));
        HBox adder = new HBox(8, newKind, add);
        adder.setAlignment(Pos.CENTER_LEFT);
        logTitle.getStyleClass().add(Styles.TITLE_4);
        logBox = new VBox(6, logTitle, createLog());
        logBox.setVisible(false);
        logBox.setManaged(false);
        SettingsPage.fillSection(this, I18n.get("channels.title"), I18n.get("channels.hint"), createTable(), adder,
                formSlot, logBox);
        reload();
    }

    private ZoneId zone() {
        return context.clock().getZone();
    }

    private TableView<ChannelService.Summary> createTable() {
        table.setId("channelTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        TableColumn<ChannelService.Summary, String> kind = column("channels.col.kind",
                s -> I18n.label("channels.kind", s.channel().kind()), 110);
        TableColumn<ChannelService.Summary, String> name = column("channels.col.name", s -> s.channel().name(), 160);
        TableColumn<ChannelService.Summary, String> on = column("channels.col.enabled",
                s -> I18n.get(s.channel().enabled() ? "channels.enabled.yes" : "channels.enabled.no"), 70);
        TableColumn<ChannelService.Summary, String> state = column("channels.col.state",
                s -> ChannelTexts.state(s.lastDelivery(), zone()), 260);
        TableColumn<ChannelService.Summary, ChannelService.Summary> actions = new TableColumn<>();
        actions.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        actions.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ChannelService.Summary item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Button edit = new Button(null, new FontIcon(Feather.EDIT_2));
                edit.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                edit.setId("channelEdit-" + item.channel().name());
                edit.setOnAction(e -> showForm(item.channel(), item.channel().kind()));
                Button history = new Button(null, new FontIcon(Feather.LIST));
                history.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                history.setId("channelLog-" + item.channel().name());
                history.setOnAction(e -> showLog(item.channel()));
                setGraphic(new HBox(4, edit, history));
            }
        });
        actions.setPrefWidth(80);
        actions.setSortable(false);
        table.getColumns().setAll(List.of(kind, name, on, state, actions));
        table.setPlaceholder(new Label(I18n.get("channels.empty")));
        return table;
    }

    private TableView<Delivery> createLog() {
        log.setId("channelLogTable");
        log.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        log.setPrefHeight(240);
        log.getColumns().setAll(List.of(
                column("channels.log.col.time", d -> Formats.dateTime(d.attemptedAt(), zone()), 130),
                column("channels.log.col.title", d -> d.outboxId() == null
                        ? I18n.get("channels.log.test", d.title()) : d.title(), 200),
                column("channels.log.col.attempt", d -> Integer.toString(d.attemptNo()), 50),
                column("channels.log.col.outcome", ChannelTexts::outcome, 80),
                column("channels.log.col.status", d -> d.statusCode() == null ? "" : d.statusCode().toString(), 60),
                column("channels.log.col.detail", d -> d.outcome() == Delivery.Outcome.SENT ? ""
                        : ChannelTexts.state(d, zone()), 300)));
        log.setPlaceholder(new Label(I18n.get("channels.log.empty")));
        return log;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void showForm(Channel channel, ChannelKind kind) {
        formSlot.getChildren().setAll(new ChannelForm(context, channel, kind, () -> {
            formSlot.getChildren().clear();
            reload();
        }, this::reload));
    }

    private void showLog(Channel channel) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.channels().log(actor, channel.id()))
                .onSuccess(entries -> {
                    logTitle.setText(I18n.get("channels.log.title", channel.name(), ChannelService.LOG_LIMIT));
                    log.getItems().setAll(entries);
                    logBox.setVisible(true);
                    logBox.setManaged(true);
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void reload() {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.channels().list(actor))
                .onSuccess(table.getItems()::setAll)
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }
}
