package io.salesdesk.app.tasks;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.task.Task;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Reminds the user of their tasks when they fall due: once a minute it picks the user's open tasks
 * whose due time has passed and that were not reminded yet, marks them reminded and shows a
 * notification. Only the user's own tasks are taken, so on a shared database every desktop reminds
 * its own user and none marks another's.
 */
public final class TaskReminders {

    private static final Duration EVERY = Duration.minutes(1);

    private final AppContext context;
    private final Timeline timer;

    public TaskReminders(AppContext context) {
        this.context = context;
        this.timer = new Timeline(new KeyFrame(EVERY, e -> check()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Checks now and then once a minute. */
    public void start() {
        check();
        timer.play();
    }

    public void stop() {
        timer.stop();
    }

    private void check() {
        BackgroundTask.wrap(this::collect).onSuccess(this::notify).onFailure(error -> { })
                .executeWith(context.executor());
    }

    /** The current user's tasks due now and not yet reminded, marked reminded. */
    List<Task> collect() {
        UUID me = context.currentUser().id();
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        List<Task> mine = context.tasks().dueForReminder(now).stream().filter(t -> t.assigneeId().equals(me)).toList();
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
        Notifications.create().title(I18n.get("reminder.title")).text(text).hideAfter(Duration.seconds(12))
                .showInformation();
    }
}
