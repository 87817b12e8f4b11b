package io.salesdesk.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskFilter;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** Reminders pick the user's own due tasks once each, and leave other people's alone. */
@ExtendWith(ApplicationExtension.class)
class TaskRemindersTest {

    static {
        UiTestWorkspace.prepareHeadlessScreen();
    }

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Test
    void theUsersDueTaskIsRemindedOnceAndARepsIsLeftForTheirOwnDesktop() {
        var context = workspace.context();
        User me = context.currentUser();
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        Task due = context.tasks().create(me.asActor(), new TaskDraft("电话回访苏州康华医院", null, me.id(),
                TaskPriority.HIGH, now.minusMinutes(5), null, null), TaskStatus.TODO);
        Task later = context.tasks().create(me.asActor(), new TaskDraft("准备周报", null, me.id(), TaskPriority.NORMAL,
                now.plusHours(3), null, null), TaskStatus.TODO);
        // A rep of the manager's with overdue tasks (the demo gives most reps some).
        User rep = context.users().visibleOwners(me.asActor()).stream().filter(u -> u.role() == Role.REP)
                .filter(u -> !context.tasks().dueForReminder(u.id(), now).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo gives none of the manager's reps an overdue task"));
        int repsDueBefore = context.tasks().dueForReminder(rep.id(), now).size();

        TaskReminders reminders = new TaskReminders(context, null);
        assertThat(reminders.collect()).extracting(Task::id).containsExactly(due.id());
        assertThat(reminders.collect()).as("reminded once").isEmpty();

        assertThat(context.tasks().column(me.asActor(), TaskStatus.TODO, TaskFilter.all(), 500))
                .filteredOn(t -> t.id().equals(later.id())).first()
                .satisfies(t -> assertThat(t.remindedAt()).isNull());
        assertThat(context.tasks().dueForReminder(rep.id(), now).size())
                .as("another user's due tasks stay for their own desktop").isEqualTo(repsDueBefore);
    }
}
