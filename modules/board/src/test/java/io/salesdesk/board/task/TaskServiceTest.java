package io.salesdesk.board.task;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.board.BoardFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Customer;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tasks on a real HSQLDB: the board, the detail pane, My Day, reminders, visibility and audit. */
class TaskServiceTest {

    private static final int LIMIT = 100;

    @TempDir
    Path dataDir;

    Database db;
    BoardFixture f;
    TaskService tasks;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new BoardFixture(db, clock);
        tasks = new TaskService(db, clock);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Actor wang() {
        return f.wang.asActor();
    }

    private Task todo(Actor actor, String title) {
        return tasks.create(actor, TaskDraft.titled(title), TaskStatus.TODO);
    }

    private List<String> titles(Actor viewer, TaskStatus status) {
        return tasks.column(viewer, status, TaskFilter.all(), LIMIT).stream().map(Task::title).toList();
    }

    private Task reload(UUID id) {
        return tasks.open(f.admin.asActor(), id).orElseThrow().task();
    }

    @Test
    void eachNewTaskGoesToTheTopOfItsColumn() {
        todo(wang(), "A");
        todo(f.li.asActor(), "B");
        todo(wang(), "C");
        tasks.create(wang(), TaskDraft.titled("D"), TaskStatus.DOING);

        assertThat(titles(f.admin.asActor(), TaskStatus.TODO)).containsExactly("C", "B", "A");
        assertThat(titles(f.admin.asActor(), TaskStatus.DOING)).containsExactly("D");
    }

    @Test
    void aNewTaskIsTheActorsWithNormalPriorityAndShowsItsCustomerAndDeal() {
        Customer customer = f.customer(f.wang, "苏州康华医院");
        UUID deal = f.opportunity(customer, f.wang, "康华医院 CT 采购");

        Task task = tasks.create(wang(), new TaskDraft(" 送报价单 ", "带上样本", null, null, null, customer.id(), deal),
                null);

        assertThat(task.title()).isEqualTo("送报价单");
        assertThat(task.assigneeId()).isEqualTo(f.wang.id());
        assertThat(task.assigneeName()).isEqualTo("王一");
        assertThat(task.priority()).isEqualTo(TaskPriority.NORMAL);
        assertThat(task.status()).isEqualTo(TaskStatus.TODO);
        assertThat(task.customerName()).isEqualTo("苏州康华医院");
        assertThat(task.opportunityName()).isEqualTo("康华医院 CT 采购");
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.completedAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankTitleIsRefusedAndNothingIsSaved(String title) {
        assertThatThrownBy(() -> todo(wang(), title))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactly(tuple("title", "task.title.required")));
        assertThat(tasks.counts(f.admin.asActor(), TaskFilter.all())).containsEntry(TaskStatus.TODO, 0);
    }

    @Test
    void aTitleOver200CharactersIsRefused() {
        assertThat(todo(wang(), "做".repeat(200)).title()).hasSize(200);
        assertThatThrownBy(() -> todo(wang(), "做".repeat(201)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey).containsExactly("task.title.tooLong"));
    }

    @Test
    void aRepMayOnlyAssignToThemselvesAndAManagerWithinTheirSubtree() {
        TaskDraft forLi = new TaskDraft("拜访", null, f.li.id(), null, null, null, null);

        assertThatThrownBy(() -> tasks.create(wang(), forLi, TaskStatus.TODO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("task.assignee.notAllowed"));
        assertThatThrownBy(() -> tasks.create(f.southManager.asActor(), forLi, TaskStatus.TODO))
                .isInstanceOf(ValidationException.class);
        assertThat(tasks.create(f.eastManager.asActor(), forLi, TaskStatus.TODO).assigneeName()).isEqualTo("李二");
    }

    @Test
    void customersAddedToABoardGetATaskEachForTheirOwnRepAndNoSecondOneOfTheSameTitle() {
        Customer wangs = f.customer(f.wang, "苏州康华医院");
        Customer lis = f.customer(f.li, "无锡人民医院");
        Customer pooled = f.customer(f.li, "常州公海医院");
        // Returned to the public pool (the pool's own service is not part of this module).
        db.dsl().update(CUSTOMER).setNull(CUSTOMER.OWNER_ID).where(CUSTOMER.ID.eq(pooled.id())).execute();
        tasks.create(wang(), new TaskDraft("季度上门拜访", null, null, null, null, wangs.id(), null), TaskStatus.TODO);
        OffsetDateTime due = OffsetDateTime.parse("2026-12-04T18:00:00+08:00");
        // Pool customers are on an admin's map, not a manager's.
        Actor admin = f.admin.asActor();

        CustomerTasks outcome = tasks.createForCustomers(admin, List.of(wangs.id(), lis.id(), pooled.id(), lis.id()),
                new TaskDraft(" 季度上门拜访 ", "带新品资料", null, TaskPriority.HIGH, due, null, null));

        assertThat(outcome.created()).extracting(Task::customerName, Task::assigneeId, Task::title, Task::priority)
                .containsExactly(tuple("无锡人民医院", f.li.id(), "季度上门拜访", TaskPriority.HIGH));
        assertThat(outcome.created().get(0).dueAt()).isEqualTo(due);
        assertThat(outcome.alreadyOpen()).extracting(Customer::name).containsExactly("苏州康华医院");
        assertThat(outcome.withoutOwner()).extracting(Customer::name).containsExactly("常州公海医院");
        assertThat(f.history(outcome.created().get(0).id())).hasSize(1);

        // With an assignee chosen, the pool customer is covered too; the others now all have the task.
        CustomerTasks again = tasks.createForCustomers(admin, List.of(wangs.id(), lis.id(), pooled.id()),
                new TaskDraft("季度上门拜访", null, f.wang.id(), null, null, null, null));
        assertThat(again.created()).extracting(Task::customerName, Task::assigneeId)
                .containsExactly(tuple("常州公海医院", f.wang.id()));
        assertThat(again.alreadyOpen()).hasSize(2);
    }

    @Test
    void aCustomerOutsideTheActorsViewRefusesTheWholeBatch() {
        Customer wangs = f.customer(f.wang, "苏州康华医院");
        Customer zhangs = f.customer(f.zhang, "广州南方医院");

        assertThatThrownBy(() -> tasks.createForCustomers(f.eastManager.asActor(), List.of(wangs.id(), zhangs.id()),
                TaskDraft.titled("拜访")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("customerId"));
        assertThat(titles(f.admin.asActor(), TaskStatus.TODO)).isEmpty();
    }

    @Test
    void aTaskCannotPointAtACustomerTheActorDoesNotSee() {
        Customer zhangs = f.customer(f.zhang, "广州南方医院");

        assertThatThrownBy(() -> tasks.create(wang(),
                new TaskDraft("拜访", null, null, null, null, zhangs.id(), null), TaskStatus.TODO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("customerId"));
    }

    @Test
    void movingACardWithinAColumnPutsItBetweenItsNewNeighbours() {
        Task a = todo(wang(), "A");
        Task b = todo(wang(), "B");
        Task c = todo(wang(), "C");

        tasks.move(wang(), a.id(), a.version(), TaskStatus.TODO, BoardRank.between(c.rank(), b.rank()));

        assertThat(titles(wang(), TaskStatus.TODO)).containsExactly("C", "A", "B");
    }

    @Test
    void movingACardToAnotherColumnTakesItOutOfTheFirst() {
        Task a = todo(wang(), "A");
        Task b = todo(wang(), "B");
        Task doing = tasks.create(wang(), TaskDraft.titled("D"), TaskStatus.DOING);

        Task moved = tasks.move(wang(), b.id(), b.version(), TaskStatus.DOING, BoardRank.between(doing.rank(), null));
        tasks.move(wang(), a.id(), a.version(), TaskStatus.DOING, null);

        assertThat(moved.status()).isEqualTo(TaskStatus.DOING);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(titles(wang(), TaskStatus.TODO)).isEmpty();
        assertThat(titles(wang(), TaskStatus.DOING)).as("null rank: top of the column").containsExactly("A", "D", "B");
        assertThat(tasks.counts(wang(), TaskFilter.all()))
                .isEqualTo(Map.of(TaskStatus.TODO, 0, TaskStatus.DOING, 3, TaskStatus.DONE, 0));
    }

    @Test
    void aMoveOnAStaleVersionFailsAndLeavesTheTaskAsTheOtherMoveLeftIt() {
        Task task = todo(wang(), "A");
        Task first = tasks.move(f.eastManager.asActor(), task.id(), task.version(), TaskStatus.DOING, null);

        assertThatThrownBy(() -> tasks.move(wang(), task.id(), task.version(), TaskStatus.DONE, null))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(((Task) e.current()).version()).isEqualTo(2);
                    assertThat(((Task) e.current()).status()).isEqualTo(TaskStatus.DOING);
                });
        Task now = reload(task.id());
        assertThat(now.status()).isEqualTo(TaskStatus.DOING);
        assertThat(now.rank()).isEqualTo(first.rank());
        assertThat(now.completedAt()).isNull();
        assertThat(now.version()).isEqualTo(2);
        assertThat(f.history(task.id())).hasSize(2);
    }

    @Test
    void aMoveOfADeletedTaskIsStaleWithNothingCurrent() {
        Task task = todo(wang(), "A");
        tasks.delete(wang(), task.id(), task.version());

        assertThatThrownBy(() -> tasks.move(wang(), task.id(), task.version(), TaskStatus.DOING, null))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.current()).isNull());
        assertThat(tasks.open(wang(), task.id())).isEmpty();
        assertThat(titles(wang(), TaskStatus.TODO)).isEmpty();
    }

    @Test
    void aMalformedRankIsRefused() {
        Task task = todo(wang(), "A");

        assertThatThrownBy(() -> tasks.move(wang(), task.id(), task.version(), TaskStatus.DOING, "AB"))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("task.rank.invalid"));
        assertThat(reload(task.id()).status()).isEqualTo(TaskStatus.TODO);
    }

    @Test
    void completionTimeIsStampedWhenDoneKeptWithinDoneAndClearedWhenReopened() {
        Task task = todo(wang(), "A");
        clock.advance(Duration.ofHours(1));
        Task done = tasks.move(wang(), task.id(), task.version(), TaskStatus.DONE, null);
        OffsetDateTime completed = done.completedAt();
        clock.advance(Duration.ofHours(1));
        Task reordered = tasks.move(wang(), task.id(), done.version(), TaskStatus.DONE, BoardRank.between(null,
                done.rank()));
        Task reopened = tasks.move(wang(), task.id(), reordered.version(), TaskStatus.DOING, null);

        assertThat(completed).isEqualTo(OffsetDateTime.parse("2026-11-27T03:00:00Z"));
        assertThat(reordered.completedAt()).isEqualTo(completed);
        assertThat(reopened.completedAt()).isNull();
    }

    @Test
    void checklistStepsAreListedInOrderAndCountedOnTheCard() {
        Task task = todo(wang(), "准备投标");
        ChecklistItem first = tasks.addChecklistItem(wang(), task.id(), "资质文件");
        ChecklistItem second = tasks.addChecklistItem(wang(), task.id(), "报价单");
        tasks.addChecklistItem(wang(), task.id(), "技术方案");

        ChecklistItem ticked = tasks.setChecklistItemDone(wang(), second.id(), second.version(), true);
        tasks.setChecklistItemDone(wang(), first.id(), first.version(), true);

        TaskDetail detail = tasks.open(wang(), task.id()).orElseThrow();
        assertThat(detail.checklist()).extracting(ChecklistItem::label, ChecklistItem::done)
                .containsExactly(tuple("资质文件", true), tuple("报价单", true), tuple("技术方案", false));
        assertThat(detail.task().checklistDone()).isEqualTo(2);
        assertThat(detail.task().checklistTotal()).isEqualTo(3);
        assertThat(ticked.version()).isEqualTo(2);
        assertThat(tasks.column(wang(), TaskStatus.TODO, TaskFilter.all(), LIMIT).get(0).checklistDone()).isEqualTo(2);
    }

    @Test
    void untickingAStepOnAStaleVersionFails() {
        Task task = todo(wang(), "准备投标");
        ChecklistItem item = tasks.addChecklistItem(wang(), task.id(), "资质文件");
        tasks.setChecklistItemDone(wang(), item.id(), item.version(), true);

        assertThatThrownBy(() -> tasks.setChecklistItemDone(wang(), item.id(), item.version(), false))
                .isInstanceOf(StaleRecordException.class);
        assertThat(tasks.open(wang(), task.id()).orElseThrow().checklist().get(0).done()).isTrue();
    }

    @Test
    void commentsCarryTheirAuthorAndAreListedOldestFirst() {
        Task task = todo(wang(), "A");
        tasks.addComment(wang(), task.id(), "已约周三");
        clock.advance(Duration.ofMinutes(5));
        TaskComment reply = tasks.addComment(f.eastManager.asActor(), task.id(), " 带上样本 ");

        assertThat(reply.authorName()).isEqualTo("陈东");
        assertThat(reply.body()).isEqualTo("带上样本");
        assertThat(tasks.open(wang(), task.id()).orElseThrow().comments()).extracting(TaskComment::body)
                .containsExactly("已约周三", "带上样本");
        assertThatThrownBy(() -> tasks.addComment(wang(), task.id(), " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aRepCannotOpenMoveOrCommentOnAnotherRepsTask() {
        Task lis = todo(f.li.asActor(), "李二的任务");

        assertThat(tasks.open(wang(), lis.id())).isEmpty();
        assertThat(titles(wang(), TaskStatus.TODO)).isEmpty();
        assertThatThrownBy(() -> tasks.move(wang(), lis.id(), lis.version(), TaskStatus.DONE, null))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("task.notFound"));
        assertThatThrownBy(() -> tasks.addComment(wang(), lis.id(), "看看"))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("task.notFound"));
        assertThat(reload(lis.id()).status()).isEqualTo(TaskStatus.TODO);
    }

    @Test
    void aManagerSeesTheTasksOfTheirSubtreeOnly() {
        todo(wang(), "王一的");
        todo(f.li.asActor(), "李二的");
        Task zhangs = todo(f.zhang.asActor(), "张三的");

        assertThat(titles(f.eastManager.asActor(), TaskStatus.TODO)).containsExactlyInAnyOrder("王一的", "李二的");
        assertThat(tasks.open(f.eastManager.asActor(), zhangs.id())).isEmpty();
        assertThat(tasks.counts(f.eastManager.asActor(), TaskFilter.all())).containsEntry(TaskStatus.TODO, 2);
        assertThat(tasks.counts(f.admin.asActor(), TaskFilter.all())).containsEntry(TaskStatus.TODO, 3);
    }

    @Test
    void theBoardFiltersByAssigneeCustomerTitleAndDueTime() {
        Customer customer = f.customer(f.wang, "苏州康华医院");
        OffsetDateTime tomorrow = OffsetDateTime.now(clock).plusDays(1);
        tasks.create(wang(), new TaskDraft("送报价单", null, null, null, tomorrow, customer.id(), null), TaskStatus.TODO);
        tasks.create(wang(), new TaskDraft("回访满意度", null, null, null, tomorrow.plusDays(7), null, null),
                TaskStatus.TODO);
        todo(f.li.asActor(), "送样品");
        Actor chen = f.eastManager.asActor();

        assertThat(column(chen, new TaskFilter(Set.of(f.li.id()), null, null, null))).containsExactly("送样品");
        assertThat(column(chen, new TaskFilter(null, customer.id(), null, null))).containsExactly("送报价单");
        assertThat(column(chen, new TaskFilter(null, null, "送", null))).containsExactly("送样品", "送报价单");
        assertThat(column(chen, new TaskFilter(null, null, "%", null))).as("wildcards are text").isEmpty();
        assertThat(column(chen, new TaskFilter(null, null, null, tomorrow.plusDays(1)))).containsExactly("送报价单");
        assertThat(tasks.counts(chen, new TaskFilter(null, null, "送", null))).containsEntry(TaskStatus.TODO, 2);
    }

    private List<String> column(Actor viewer, TaskFilter filter) {
        return tasks.column(viewer, TaskStatus.TODO, filter, LIMIT).stream().map(Task::title).toList();
    }

    @Test
    void myDayListsTheViewersOpenTasksDueFirstAndUndatedLast() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        tasks.create(wang(), new TaskDraft("undated", null, null, null, null, null, null), TaskStatus.TODO);
        tasks.create(wang(), new TaskDraft("later", null, null, null, now.plusDays(2), null, null), TaskStatus.DOING);
        tasks.create(wang(), new TaskDraft("overdue", null, null, null, now.minusDays(1), null, null), TaskStatus.TODO);
        tasks.create(wang(), new TaskDraft("finished", null, null, null, now.minusDays(3), null, null), TaskStatus.DONE);
        todo(f.li.asActor(), "someone else's");

        List<Task> mine = tasks.myOpen(wang(), LIMIT);

        assertThat(mine).extracting(Task::title).containsExactly("overdue", "later", "undated");
        assertThat(mine).extracting(t -> t.overdue(clock)).containsExactly(true, false, false);
    }

    @Test
    void dueTasksAreRemindedOnceWithoutAVersionBumpOrAuditEntry() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Task due = tasks.create(wang(), new TaskDraft("due", null, null, null, now.minusHours(1), null, null),
                TaskStatus.TODO);
        Task lisDue = tasks.create(f.li.asActor(), new TaskDraft("li due", null, null, null, now, null, null),
                TaskStatus.DOING);
        tasks.create(wang(), new TaskDraft("future", null, null, null, now.plusHours(1), null, null), TaskStatus.TODO);
        tasks.create(wang(), new TaskDraft("done", null, null, null, now.minusHours(1), null, null), TaskStatus.DONE);
        todo(wang(), "undated");

        assertThat(tasks.dueForReminder(f.wang.id(), now)).extracting(Task::title).containsExactly("due");
        assertThat(tasks.dueForReminder(f.li.id(), now)).extracting(Task::title).containsExactly("li due");

        tasks.markReminded(List.of(due.id(), lisDue.id()), now);

        assertThat(tasks.dueForReminder(f.wang.id(), now)).isEmpty();
        assertThat(tasks.dueForReminder(f.li.id(), now)).isEmpty();
        Task reminded = reload(due.id());
        assertThat(reminded.remindedAt()).isEqualTo(now);
        assertThat(reminded.version()).isEqualTo(1);
        assertThat(f.history(due.id())).hasSize(1);
    }

    @Test
    void aNewDueTimeEarnsANewReminder() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Task due = tasks.create(wang(), new TaskDraft("due", null, null, null, now.minusHours(1), null, null),
                TaskStatus.TODO);
        tasks.markReminded(List.of(due.id()), now);
        Task current = reload(due.id());

        tasks.update(wang(), due.id(), current.version(), new TaskDraft("due", null, null, null, now.plusMinutes(30),
                null, null));
        clock.advance(Duration.ofHours(1));

        assertThat(tasks.dueForReminder(f.wang.id(), OffsetDateTime.now(clock))).extracting(Task::id)
                .containsExactly(due.id());
    }

    @Test
    void everyChangeIsRecordedOnceWithTheFieldsThatChanged() {
        Task task = todo(wang(), "A");
        Task edited = tasks.update(wang(), task.id(), task.version(),
                new TaskDraft("A2", null, null, TaskPriority.HIGH, null, null, null));
        Task moved = tasks.move(wang(), task.id(), edited.version(), TaskStatus.DONE, null);
        ChecklistItem item = tasks.addChecklistItem(wang(), task.id(), "步骤");
        tasks.setChecklistItemDone(wang(), item.id(), item.version(), true);
        TaskComment comment = tasks.addComment(wang(), task.id(), "好");
        tasks.delete(wang(), task.id(), moved.version());

        List<ChangeEntry> history = f.history(task.id());
        assertThat(history).extracting(ChangeEntry::entity, ChangeEntry::operation).containsExactly(
                tuple("task", ChangeEntry.Operation.INSERT),
                tuple("task", ChangeEntry.Operation.UPDATE),
                tuple("task", ChangeEntry.Operation.UPDATE),
                tuple("task", ChangeEntry.Operation.DELETE));
        assertThat(history.get(1).changes()).containsOnlyKeys("title", "priority")
                .containsEntry("title", new FieldChange("A", "A2"));
        assertThat(history.get(2).changes()).as("DONE was empty: the card keeps its rank")
                .containsOnlyKeys("status", "completedAt")
                .containsEntry("status", new FieldChange("TODO", "DONE"));
        assertThat(history).allSatisfy(e -> {
            assertThat(e.changedBy()).isEqualTo(f.wang.id());
            assertThat(e.reasonKind()).isEqualTo("USER");
        });
        assertThat(f.history(item.id())).extracting(ChangeEntry::entity, ChangeEntry::operation).containsExactly(
                tuple("task_checklist_item", ChangeEntry.Operation.INSERT),
                tuple("task_checklist_item", ChangeEntry.Operation.UPDATE));
        assertThat(f.history(comment.id())).extracting(ChangeEntry::entity).containsExactly("task_comment");
        assertThat(f.auditIntact()).isTrue();
    }

    @Test
    void anEditThatChangesNothingIsNotRecordedAndKeepsTheVersion() {
        Task task = todo(wang(), "A");

        Task same = tasks.update(wang(), task.id(), task.version(), task.toDraft());

        assertThat(same.version()).isEqualTo(1);
        assertThat(f.history(task.id())).hasSize(1);
    }
}
