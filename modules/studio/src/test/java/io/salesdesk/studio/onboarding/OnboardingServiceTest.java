package io.salesdesk.studio.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskFilter;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 90-day onboarding path on a real database: a manager puts 王一 on it with 李二 as mentor, the steps
 * become their tasks, and progress follows finished tasks, drill scores and feedback forms.
 */
class OnboardingServiceTest {

    static final LocalDate START = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    Database db;
    SalesOrgFixture f;
    TaskService tasks;
    OnboardingService onboarding;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    OnboardingPath path;

    @BeforeEach
    void setUp() {
        db = open(dir);
        f = new SalesOrgFixture(db, clock);
        tasks = new TaskService(db, clock);
        onboarding = new OnboardingService(db, clock, tasks, Locale.SIMPLIFIED_CHINESE);
        path = onboarding.addNewHirePath(f.zjManager.asActor());
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path where) {
        return TestDatabases.hsqldb(where);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theBuiltInPathRunsNinetyDaysInThreeStagesAndIsAddedOnce() {
        assertThat(path.definition().days()).isEqualTo(90);
        assertThat(path.definition().stages()).extracting(PathStage::fromDay).containsExactly(1, 31, 61);
        assertThat(onboarding.addNewHirePath(f.zjManager.asActor()).id()).isEqualTo(path.id());
        assertThat(onboarding.paths()).hasSize(1);
    }

    @Test
    void anEditedPathIsItsNextVersionAndAHireAlreadyOnItKeepsTheVersionHeStartedWith() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);
        PathDefinition shorter = new PathDefinition(List.of(new PathStage("only", "第一阶段：上手", 1, 14, List.of(
                new PathStep("read", StepKind.LEARNING, "阅读销售手册", null, 5, null, List.of()),
                new PathStep("drill", StepKind.DRILL, "电话开场演练", null, 14, 75, List.of())))));

        OnboardingPath edited = onboarding.update(f.zjManager.asActor(), path.id(), path.version(), "两周上手路径",
                "短版", shorter);

        assertThat(edited.version()).isEqualTo(path.version() + 1);
        assertThat(onboarding.paths()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("两周上手路径");
            assertThat(p.definition().days()).isEqualTo(14);
        });
        OnboardingProgress wang = onboarding.mine(f.wang.asActor(), START).orElseThrow();
        assertThat(wang.assignment().definition().days()).as("the version 王一 started with").isEqualTo(90);
        assertThat(wang.steps()).hasSize(13);
        onboarding.assign(f.zjManager.asActor(), path.id(), f.li.id(), f.zjManager.id(), START);
        assertThat(onboarding.mine(f.li.asActor(), START).orElseThrow().steps()).as("a new hire gets the new one")
                .hasSize(2);

        assertThatThrownBy(() -> onboarding.update(f.zjManager.asActor(), path.id(), path.version(), "旧版本上的修改",
                null, shorter)).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void aRetiredPathIsOfferedToNobodyNewAndItsHiresGoOn() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        onboarding.retire(f.zjManager.asActor(), path.id(), path.version());

        assertThat(onboarding.paths()).isEmpty();
        assertThat(onboarding.mine(f.wang.asActor(), START)).isPresent();
        assertThatThrownBy(() -> onboarding.assign(f.zjManager.asActor(), path.id(), f.li.id(), f.zjManager.id(), START))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.onboarding.pathGone"));
        assertThatThrownBy(() -> onboarding.retire(f.wang.asActor(), path.id(), path.version() + 1))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.notAllowed"));
    }

    @Test
    void puttingAHireOnThePathGivesHimTheLearningTasksAndTheMentorTheDrillsAndFeedback() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        List<Task> wangs = tasks.myOpen(f.wang.asActor(), 100);
        List<Task> lis = tasks.myOpen(f.li.asActor(), 100);
        assertThat(wangs).hasSize(7).extracting(Task::title).contains("成长路径：学习主力产品手册与报价规则");
        assertThat(lis).hasSize(6).extracting(Task::title)
                .contains("为王一的演练打分：产品讲解演练", "填写王一的导师反馈：30 天导师反馈");
        Task product = wangs.stream().filter(t -> t.title().contains("主力产品")).findFirst().orElseThrow();
        assertThat(product.dueAt().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-11T18:00+08:00").toInstant());
    }

    @Test
    void progressFollowsFinishedTasksAndOverdueStepsShowOnTheDay() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);
        Task company = tasks.myOpen(f.wang.asActor(), 100).stream().filter(t -> t.title().contains("公司介绍"))
                .findFirst().orElseThrow();
        tasks.move(f.wang.asActor(), company.id(), company.version(), TaskStatus.DONE, null);

        OnboardingProgress day12 = onboarding.mine(f.wang.asActor(), START.plusDays(11)).orElseThrow();

        assertThat(day12.day()).isEqualTo(12);
        assertThat(day12.currentStage().stage().key()).isEqualTo("learn");
        assertThat(state(day12, "company")).isEqualTo(StepProgress.State.DONE);
        assertThat(state(day12, "product")).isEqualTo(StepProgress.State.OVERDUE);
        assertThat(state(day12, "cases")).isEqualTo(StepProgress.State.OPEN);
        assertThat(day12.overdue()).isEqualTo(1);
        assertThat(day12.percent()).isEqualTo(100 / 13);
        assertThat(day12.next(2)).extracting(s -> s.step().key()).containsExactly("product", "cases");
    }

    @Test
    void aDrillBelowItsPassScoreStaysOpenUntilItIsPassed() {
        Assignment a = onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        onboarding.recordDrill(f.li.asActor(), a.id(), "pitch-drill", 70, "价格异议没接住");
        OnboardingProgress failed = onboarding.team(f.li.asActor(), START.plusDays(25)).get(0);
        assertThat(state(failed, "pitch-drill")).isEqualTo(StepProgress.State.FAILED);
        assertThat(failed.latestDrill().orElseThrow().record().score()).isEqualTo(70);
        assertThat(tasks.myOpen(f.li.asActor(), 100)).extracting(Task::title).contains("为王一的演练打分：产品讲解演练");

        onboarding.recordDrill(f.li.asActor(), a.id(), "pitch-drill", 86, null);
        OnboardingProgress passed = onboarding.team(f.li.asActor(), START.plusDays(26)).get(0);
        assertThat(state(passed, "pitch-drill")).isEqualTo(StepProgress.State.DONE);
        assertThat(tasks.myOpen(f.li.asActor(), 100)).extracting(Task::title)
                .doesNotContain("为王一的演练打分：产品讲解演练");
    }

    @Test
    void feedbackNeedsARatingForEveryQuestionAndOnlyTheMentorOrManagerGivesIt() {
        Assignment a = onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        assertThatThrownBy(() -> onboarding.recordFeedback(f.li.asActor(), a.id(), "feedback-30",
                Map.of("产品知识", 4, "学习主动性", 6), "进步很快"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.arguments().get(0)).containsExactlyInAnyOrder("学习主动性", "团队协作"));
        assertThatThrownBy(() -> onboarding.recordDrill(f.wang.asActor(), a.id(), "pitch-drill", 100, "我很好"))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.onboarding.notMentor"));
        assertThatThrownBy(() -> onboarding.recordDrill(f.zhang.asActor(), a.id(), "pitch-drill", 90, null))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.onboarding.notMentor"));

        onboarding.recordFeedback(f.zjManager.asActor(), a.id(), "feedback-30",
                Map.of("产品知识", 4, "学习主动性", 5, "团队协作", 3), "进步很快");

        OnboardingProgress progress = onboarding.mine(f.wang.asActor(), START.plusDays(30)).orElseThrow();
        StepProgress feedback = step(progress, "feedback-30");
        assertThat(feedback.state()).isEqualTo(StepProgress.State.DONE);
        assertThat(feedback.record().ratings()).containsEntry("学习主动性", 5);
        assertThat(feedback.record().comment()).isEqualTo("进步很快");
    }

    @Test
    void theManagerAndMentorFollowTheHireAndNoOneElseDoes() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        assertThat(onboarding.team(f.zjManager.asActor(), START)).extracting(p -> p.assignment().hireName())
                .containsExactly("王一");
        assertThat(onboarding.team(f.li.asActor(), START)).hasSize(1);
        assertThat(onboarding.team(f.jsManager.asActor(), START)).isEmpty();
        assertThat(onboarding.team(f.wang.asActor(), START)).isEmpty();
        assertThat(onboarding.mine(f.li.asActor(), START)).isEmpty();
    }

    @Test
    void aHireIsOnOnePathAtATimeAndOnlyAManagerPutsThemThere() {
        onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START);

        assertThatThrownBy(() -> onboarding.assign(f.zjManager.asActor(), path.id(), f.wang.id(), f.li.id(), START))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("studio.onboarding.alreadyOnPath"));
        assertThatThrownBy(() -> onboarding.assign(f.zjManager.asActor(), path.id(), f.li.id(), f.li.id(), START))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("studio.onboarding.mentor"));
        assertThatThrownBy(() -> onboarding.assign(f.zjManager.asActor(), path.id(), f.zhang.id(), f.li.id(), START))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("studio.onboarding.hire"));
        assertThatThrownBy(() -> onboarding.assign(f.wang.asActor(), path.id(), f.li.id(), f.wang.id(), START))
                .isInstanceOf(SalesDeskException.class);
        assertThat(tasks.counts(f.zjManager.asActor(), TaskFilter.all()).get(TaskStatus.TODO)).isEqualTo(13);
    }

    @Test
    void aPathWithGapsBadStepsOrBrokenJsonIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> PathJson.read("{\"stages\": [ {\"key\": "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactly("studio.onboarding.malformed"));
        PathDefinition broken = new PathDefinition(List.of(
                new PathStage("a", "第一阶段", 1, 10, List.of(
                        new PathStep("x", StepKind.DRILL, "演练", null, 5, null, null),
                        new PathStep("x", StepKind.LEARNING, "学习", null, 12, null, null))),
                new PathStage("b", "第二阶段", 12, 20, List.of(
                        new PathStep("y", StepKind.FEEDBACK, "反馈", null, 20, null, List.of())))));

        assertThatThrownBy(() -> onboarding.define(f.zjManager.asActor(), "坏路径", null, broken))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey()).containsExactlyInAnyOrder("studio.onboarding.passScore",
                                "studio.onboarding.stepKey", "studio.onboarding.stepDay", "studio.onboarding.stageDays",
                                "studio.onboarding.questions"));
    }

    private static StepProgress step(OnboardingProgress progress, String key) {
        return progress.steps().stream().filter(s -> s.step().key().equals(key)).findFirst().orElseThrow();
    }

    private static StepProgress.State state(OnboardingProgress progress, String key) {
        return step(progress, key).state();
    }
}
