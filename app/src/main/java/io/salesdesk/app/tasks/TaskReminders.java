package io.salesdesk.app.tasks;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.task.Task;
import io.salesdesk.crm.User;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds the user of their tasks when they fall due: once a minute it picks the user's open tasks
 * whose due time has passed and that were not reminded yet, marks them reminded and shows a
 * notification. Only the user's own tasks are taken, so on a shared database every desktop reminds
 * its own user and none marks another's.
 */
public final class TaskReminders {

    private static final Duration EVERY = Duration.minutes(1);
    private static final Duration FIRST_CHECK = Duration.seconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TaskReminders.class);

    private final AppContext context;
    private final Window owner;
    private final Timeline timer;

    /**
     * @param owner the window the notifications belong to (null in tests that only collect)
     */
    public TaskReminders(AppContext context, Window owner) {
        this.context = context;
        this.owner = owner;
        this.timer = new Timeline(new KeyFrame(EVERY, e -> check()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Checks shortly (not competing with the first page for the database) and then once a minute. */
    public void start() {
        PauseTransition first = new PauseTransition(FIRST_CHECK);
        first.setOnFinished(e -> check());
        first.play();
        timer.play();
    }

    public void stop() {
        timer.stop();
    }

    private void check() {
        // A failed check is retried a minute later; it must not interrupt the user with a dialog.
        BackgroundTask.wrap(this::collect).onSuccess(this::notify)
                .onFailure(error -> LOG.warn("Task reminders could not be checked", error))
                .executeWith(context.executor());
    }

    /** The current user's tasks due now and not yet reminded, marked reminded. */
    List<Task> collect() {
        User user = context.currentUser();
        if (user == null) {
            return List.of(); // signed out since the check was scheduled
        }
        UUID me = user.id();
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        List<Task> mine = context.tasks().dueForReminder(me, now);
        if (!mine.isEmpty()) {
            context.tasks().markReminded(mine.stream().map(Task::id).toList(), now);
        }
        return mine;
    }

    private void notify(List<Task> due) {
        if (due.isEmpty()) {
            return;
        }
        String text = due.size() == 1
                ? I18n.get("reminder.one", due.get(0).title(), Formats.dateTime(due.get(0).dueAt(), context.clock().getZone()))
                : I18n.get("reminder.many", due.size(), due.get(0).title());
        LOG.info("Reminding of {} due task(s)", due.size());
        Notifications.create().owner(owner).title(I18n.get("reminder.title")).text(text)
                .hideAfter(Duration.seconds(12)).showInformation();
    }
}
