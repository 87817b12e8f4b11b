package io.salesdesk.app.approvals;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import javafx.scene.control.Label;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.OffScreen;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.core.Actor;

/**
 * The number beside 审批 in the navigation: tasks waiting for the user, read once a minute and
 * again as soon as the user decided one on the page.
 */
public final class PendingApprovalsBadge extends Label {

    private static final Duration EVERY = Duration.minutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(PendingApprovalsBadge.class);

    private final AppContext context;

    public PendingApprovalsBadge(AppContext context, EventBus bus) {
        this.context = context;
        setId("approvalsBadge");
        getStyleClass().add("inbox-badge");
        show(0);
        bus.subscribe(ApprovalsChanged.class, e -> refresh());
        Timeline timer = new Timeline(new KeyFrame(EVERY, e -> refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        // The window rebuilds its navigation on a change of user or language, or a new scene
        // replaces the window's: the old badge stops counting.
        OffScreen.retireWhenGone(this, timer::stop);
        refresh();
    }

    private void refresh() {
        Actor me = context.currentUser().asActor();
        // The engine has no count query; the inbox is one indexed read of the user's open tasks.
        BackgroundTask.wrap(() -> context.approvals().inboxCount(me)).onSuccess(this::show)
                .onFailure(error -> LOG.warn("Pending approvals could not be counted", error))
                .executeWith(context.executor());
    }

    private void show(int pending) {
        setText(pending > 99 ? "99+" : Integer.toString(pending));
        setVisible(pending > 0);
        setManaged(pending > 0);
    }
}
