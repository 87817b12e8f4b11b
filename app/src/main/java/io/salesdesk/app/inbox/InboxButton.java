package io.salesdesk.app.inbox;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.OffScreen;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Navigation;
import io.salesdesk.core.Actor;
import io.salesdesk.workflow.notify.Notification;

/**
 * 消息 in the navigation: the unread count of the user's inbox (reminders, escalations, leads
 * nobody could take, customers returned to the pool), checked once a minute; a click lists the
 * messages, newest unread first, and marks them read.
 */
public final class InboxButton extends HBox {

    private static final Duration EVERY = Duration.minutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(InboxButton.class);

    private final AppContext context;
    private final EventBus bus;
    private final Label badge = new Label();
    private final ListView<Notification> list = new ListView<>();
    private final PopOver popOver = new PopOver();

    private final Button button = new Button(I18n.get("inbox.title"), new FontIcon(Feather.BELL));

    public InboxButton(AppContext context, EventBus bus) {
        this.context = context;
        this.bus = bus;
        button.setId("inboxButton");
        button.getStyleClass().add("nav-item");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(button, Priority.ALWAYS);
        badge.setId("inboxBadge");
        badge.getStyleClass().add("inbox-badge");
        badge.setVisible(false);
        badge.setManaged(false);
        getChildren().addAll(button, badge);
        setAlignment(Pos.CENTER_LEFT);

        list.setId("inboxList");
        list.setPrefSize(420, 460);
        list.setPlaceholder(new Label(I18n.get("inbox.empty")));
        list.setCellFactory(v -> new MessageCell());
        // A message about something with a page of its own opens that page (a surge alert: the map;
        // a coaching digest: the dashboard's funnel tab).
        list.setOnMouseClicked(e -> {
            Notification chosen = list.getSelectionModel().getSelectedItem();
            Object target = chosen == null ? null : InboxTargets.eventOf(chosen);
            if (target != null) {
                popOver.hide();
                bus.publish(target);
            }
        });
        Label heading = new Label(I18n.get("inbox.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox content = new VBox(8, heading, list);
        content.getStyleClass().add("inbox-popover");
        popOver.setContentNode(content);
        popOver.setArrowLocation(PopOver.ArrowLocation.LEFT_BOTTOM);
        popOver.setDetachable(false);
        button.setOnAction(e -> open());

        Timeline timer = new Timeline(new KeyFrame(EVERY, e -> refreshCount()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        // Off screen (the window reloaded its pages, or its scene was replaced) the count stops and
        // the list closes: an open list would otherwise float over whatever the window shows next.
        Runnable retire = () -> {
            timer.stop();
            popOver.hide();
        };
        OffScreen.retireWhenGone(this, retire);
        refreshCount();
    }

    private void refreshCount() {
        Actor me = context.currentUser().asActor();
        // A count that cannot be read is tried again a minute later; it must not interrupt with a dialog.
        BackgroundTask.wrap(() -> context.notifications().unreadCount(me)).onSuccess(this::showCount)
                .onFailure(error -> LOG.warn("Unread messages could not be counted", error))
                .executeWith(context.executor());
    }

    private void showCount(int unread) {
        badge.setText(unread > 99 ? "99+" : Integer.toString(unread));
        badge.setVisible(unread > 0);
        badge.setManaged(unread > 0);
    }

    /** Lists the messages and marks the unread ones read; the list still shows which were new. */
    private void open() {
        Actor me = context.currentUser().asActor();
        BackgroundTask.wrap(() -> {
            List<Notification> inbox = context.notifications().inbox(me);
            context.notifications().markRead(me, inbox.stream().filter(Notification::unread).map(Notification::id)
                    .toList());
            return inbox;
        }).onSuccess(inbox -> {
            list.getItems().setAll(inbox);
            showCount(0);
            popOver.show(button);
        }).executeWith(context.executor());
    }

    /** A message: title (bold while it was unread), its text and when it came. */
    private final class MessageCell extends ListCell<Notification> {
        @Override
        protected void updateItem(Notification item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(item.title());
            title.getStyleClass().add(item.unread() ? Styles.TEXT_BOLD : Styles.TEXT);
            Label body = new Label(item.body());
            body.setWrapText(true);
            body.getStyleClass().add(Styles.TEXT_MUTED);
            // Wrapped at a fixed width, so a long message shows whole instead of ending in "…".
            body.setPrefWidth(370);
            body.setMaxWidth(370);
            body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label when = new Label(Formats.dateTime(item.createdAt(), context.clock().getZone()));
            when.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_SUBTLE);
            setGraphic(new VBox(2, title, body, when));
        }
    }
}
