package io.salesdesk.app.inbox;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.EventBus;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.map.SurgeAlertsRaised;
import io.salesdesk.workflow.notify.Notification;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's scheduler: once a minute, off the FX thread, it runs the timers (SLA rules, pool
 * returns, overdue collections, approval timeouts, automation rules, funnel scans, forecast freezes, the daily report), sends what waits for the outbound channels
 * (e-mail, group robots) and then shows the user's new inbox messages as desktop notifications. The first run
 * after start catches up on whatever came due while the app was closed.
 */
public final class WorkflowTimers {

    private static final Duration EVERY = Duration.minutes(1);
    private static final Duration FIRST_RUN = Duration.seconds(15);
    /** More new messages than this show as one summary rather than a stack of pop-ups. */
    private static final int SHOWN_ONE_BY_ONE = 3;
    /** The inbox kind of a surge alert sent to a supervisor. */
    private static final String SURGE_ALERT = "surge.alert";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowTimers.class);

    private final AppContext context;
    private final Window owner;
    private final Timeline timer;
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final EventBus bus;

    public WorkflowTimers(AppContext context, Window owner) {
        this(context, owner, null);
    }

    /** @param bus told {@link SurgeAlertsRaised} when a scan raises a surge alert or one arrives; may be null */
    public WorkflowTimers(AppContext context, Window owner, EventBus bus) {
        this.context = context;
        this.owner = owner;
        this.bus = bus;
        this.timer = new Timeline(new KeyFrame(EVERY, e -> run()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        PauseTransition first = new PauseTransition(FIRST_RUN);
        first.setOnFinished(e -> run());
        first.play();
        timer.play();
    }

    public void stop() {
        timer.stop();
    }

    private void run() {
        // A failed run is tried again a minute later; it must not interrupt the user with a dialog.
        BackgroundTask.wrap(() -> {
            context.timers().runDue();
            context.commerceTimers().runDue();
            context.approvalTimeouts().runDue();
            context.ruleRunner().runDue();
            boolean raised = !context.surges().scanIfDue().isEmpty();
            context.funnelScanner().scanIfDue();
            // A period's forecast is frozen as it begins, so its accuracy can be measured once it closes.
            context.forecasts().freezeDue();
            context.dailyReports().runDue();
            var user = context.currentUser();
            // Signed out since the run was scheduled: the next user's timers show their messages.
            return new Run(raised, user == null ? List.of() : context.notifications().takeUnshown(user.asActor(), 50));
        }).onSuccess(run -> {
            List<Notification> fresh = run.fresh();
            // A scan here, or another client's scan that told this user: the open map shows it now.
            if (bus != null && (run.surgeRaised() || fresh.stream().anyMatch(n -> SURGE_ALERT.equals(n.kind())))) {
                bus.publish(new SurgeAlertsRaised());
            }
            show(fresh);
            deliverOutbox();
        }).onFailure(error -> {
            LOG.warn("Timers could not run", error);
            deliverOutbox();
        }).executeWith(context.executor());
    }

    private record Run(boolean surgeRaised, List<Notification> fresh) {
    }

    /**
     * Sends what the timers (and everything else since the last run) put in the outbound channels'
     * outbox, as a task of its own: a slow mail server or robot must not hold up the user's pop-ups,
     * and a run still going a minute later is not joined by a second one.
     */
    private void deliverOutbox() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.wrap(() -> context.outbox().deliverDue())
                .onFailure(error -> LOG.warn("Outbound notifications could not be sent", error))
                .onFinished(() -> delivering.set(false))
                .executeWith(context.executor());
    }

    private void show(List<Notification> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        if (fresh.size() > SHOWN_ONE_BY_ONE) {
            Notifications.create().owner(owner).title(I18n.get("inbox.many.title", fresh.size()))
                    .text(fresh.get(0).title()).hideAfter(Duration.seconds(12)).showInformation();
            return;
        }
        for (Notification n : fresh) {
            Notifications.create().owner(owner).title(n.title()).text(n.body()).hideAfter(Duration.seconds(12))
                    .showInformation();
        }
    }
}
