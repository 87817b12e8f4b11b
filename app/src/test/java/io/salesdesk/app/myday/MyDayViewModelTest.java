package io.salesdesk.app.myday;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.crm.FollowUpDue;

class MyDayViewModelTest {

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;
    static AppContext context;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir);
        context = workspace.context();
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Test
    void listsTheDueFollowUpsMostOverdueFirst() {
        MyDayViewModel model = new MyDayViewModel(context.customers(), context.currentUser().asActor(),
                UiTestWorkspace.CLOCK, context.executor());

        model.reload();

        LocalDate today = LocalDate.now(UiTestWorkspace.CLOCK);
        var expected = context.customers().dueFollowUps(context.currentUser().asActor(), today);
        assertThat(model.due()).hasSameSizeAs(expected).isNotEmpty();
        assertThat(model.due()).isSortedAccordingTo((a, b) -> a.dueOn().compareTo(b.dueOn()));
        long overdue = model.due().stream().filter(f -> f.daysOverdue(today) > 0).count();
        assertThat(model.overdueProperty().get()).isEqualTo(overdue);
        assertThat(model.dueTodayProperty().get() + model.overdueProperty().get()).isEqualTo(model.due().size());
        assertThat(model.due()).extracting(FollowUpDue::dueOn).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(today));
    }

    @Test
    void greetsByTimeOfDay() {
        MyDayViewModel model = new MyDayViewModel(context.customers(), context.currentUser().asActor(),
                UiTestWorkspace.CLOCK, context.executor());

        assertThat(model.dayPart()).isEqualTo(MyDayViewModel.DayPart.MORNING);
    }
}
