package io.salesdesk.studio.onboarding;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's new hire: the Shanghai manager's newest rep, 40 days into the 90-day path with a colleague
 * as mentor — the first stage mostly done (one case review late), the product drill passed and the
 * 30-day feedback given — so My Day shows a path in progress to the hire, the mentor and the manager.
 */
public final class DemoOnboarding {

    private final Database db;
    private final Clock clock;

    public DemoOnboarding(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void create() {
        UserService users = new UserService(db, clock);
        User manager = users.byUsername(DemoWorkspace.DEFAULT_USER).orElse(null);
        if (manager == null) {
            return;
        }
        List<User> reps = users.all().stream().filter(u -> manager.id().equals(u.managerId()))
                .sorted(Comparator.comparing(User::username)).toList();
        if (reps.size() < 2) {
            return;
        }
        User hire = reps.get(reps.size() - 1);
        User mentor = reps.get(0);
        TaskService tasks = new TaskService(db, clock);
        OnboardingService onboarding = new OnboardingService(db, clock, tasks, Locale.SIMPLIFIED_CHINESE);
        Actor boss = manager.asActor();
        OnboardingPath path = onboarding.addNewHirePath(boss);
        LocalDate start = LocalDate.now(clock).minusDays(39);
        Assignment assignment = onboarding.assign(boss, path.id(), hire.id(), mentor.id(), start);
        Actor newHire = hire.asActor();
        for (Task task : tasks.myOpen(newHire, 100)) {
            if (task.title().contains("公司介绍") || task.title().contains("主力产品") || task.title().contains("跟随导师")) {
                tasks.move(newHire, task.id(), task.version(), TaskStatus.DONE, null);
            }
        }
        onboarding.recordDrill(mentor.asActor(), assignment.id(), "pitch-drill", 72, "竞品对比讲得不清楚，下周重练。");
        onboarding.recordDrill(mentor.asActor(), assignment.id(), "pitch-drill", 86, "重练后讲解清晰，能接住价格异议。");
        onboarding.recordFeedback(mentor.asActor(), assignment.id(), "feedback-30",
                Map.of("产品知识", 4, "学习主动性", 5, "团队协作", 4), "学得快，主动跟访；案例复盘要抓紧。");
    }
}
