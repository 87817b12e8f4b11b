package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.board.task.ChecklistItem;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskChecklistItemRepository;
import io.salesdesk.board.task.TaskComment;
import io.salesdesk.board.task.TaskCommentRepository;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A branch's tasks travel: made or edited offline they reach head office, and head office's reach
 * the branch, merged field by field. A hub (the subclass's database) and a replica of 华东大区 on a
 * real HSQLDB file.
 */
abstract class TaskSyncContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Customer hospital;
    private Task visit;
    private Actor manager;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        manager = new Actor(org.zhang.id(), "总部经理", Role.MANAGER, org.company.path());
        hospital = org.create(hubDb, org.wang, "苏州第一医院");
        visit = tasks(hubDb).create(manager, new TaskDraft("拜访设备科", null, org.wang.id(), TaskPriority.NORMAL,
                OffsetDateTime.parse("2026-03-05T01:00:00Z"), hospital.id(), null), TaskStatus.TODO);
        hub = new LocalHub(hubDb, clock);
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aReplicaIsCreatedWithTheTasksOfItsPeopleOnly() {
        Customer south = org.create(hubDb, org.zhang, "广州医院");
        Task other = tasks(hubDb).create(org.zhang.asActor(), new TaskDraft("报价", null, null, null, null,
                south.id(), null), TaskStatus.TODO);

        createReplica();

        Task pulled = tasks(replica).find(org.wang.asActor(), visit.id()).orElseThrow();
        assertThat(pulled.title()).isEqualTo("拜访设备科");
        assertThat(pulled.customerId()).isEqualTo(hospital.id());
        assertThat(pulled.dueAt()).isEqualTo(visit.dueAt());
        assertThat(SyncFixture.row(replica, SyncedEntity.TASK, other.id())).isEmpty();
    }

    @Test
    void aTaskMadeOfflineReachesHeadOfficeWithItsCustomValue() {
        new CustomFieldService(hubDb, clock).define(manager, CustomEntity.TASK,
                new CustomFieldDraft("预计时长", "hours", FieldType.NUMBER, List.of(), false, null, null));
        createReplica();
        Task call = tasks(replica).create(org.wang.asActor(), new TaskDraft("电话回访", "问问新设备", null,
                TaskPriority.HIGH, null, hospital.id(), null), TaskStatus.DOING);
        new CustomFieldService(replica, clock).setValues(org.wang.asActor(), CustomEntity.TASK, call.id(),
                Map.of("hours", "2"));

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        Task atHub = tasks(hubDb).find(manager, call.id()).orElseThrow();
        assertThat(atHub.title()).isEqualTo("电话回访");
        assertThat(atHub.description()).isEqualTo("问问新设备");
        assertThat(atHub.assigneeId()).isEqualTo(org.wang.id());
        assertThat(atHub.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(atHub.status()).isEqualTo(TaskStatus.DOING);
        assertThat(new CustomFieldService(hubDb, clock).values(CustomEntity.TASK, call.id())).containsEntry("hours", "2");
        assertThat(SyncFixture.trail(hubDb, call.id())).first().isEqualTo("SYNC");
    }

    @Test
    void editsOfDifferentFieldsOnBothSidesBothSurviveAndTheSameFieldIsAConflictInWords() {
        createReplica();
        Task offline = tasks(replica).find(org.wang.asActor(), visit.id()).orElseThrow();
        // The rep finishes the task offline and changes its title; head office raises its priority and retitles it.
        Task moved = tasks(replica).move(org.wang.asActor(), visit.id(), offline.version(), TaskStatus.DONE, null);
        tasks(replica).update(org.wang.asActor(), visit.id(), moved.version(), withTitle(moved, "拜访设备科王主任"));
        Task hubNow = tasks(hubDb).find(manager, visit.id()).orElseThrow();
        TaskDraft d = hubNow.toDraft();
        tasks(hubDb).update(manager, visit.id(), hubNow.version(), new TaskDraft("拜访设备科（紧急）", d.description(),
                d.assigneeId(), TaskPriority.HIGH, d.dueAt(), d.customerId(), d.opportunityId()));

        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo(SyncedEntity.TASK);
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.FIELD);
            assertThat(c.field()).isEqualTo("title");
            assertThat(c.hubValue()).isEqualTo("拜访设备科（紧急）");
            assertThat(c.incomingValue()).isEqualTo("拜访设备科王主任");
        });
        for (Database db : List.of(hubDb, replica)) {
            Task t = tasks(db).find(manager, visit.id()).orElseThrow();
            assertThat(t.status()).isEqualTo(TaskStatus.DONE);
            assertThat(t.completedAt()).isNotNull();
            assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
            assertThat(t.title()).isEqualTo("拜访设备科（紧急）");
        }
        assertThat(SyncFixture.row(replica, SyncedEntity.TASK, visit.id()).orElseThrow().fields())
                .isEqualTo(SyncFixture.row(hubDb, SyncedEntity.TASK, visit.id()).orElseThrow().fields());

        // The manager takes the branch's title: it becomes the task's title on both sides.
        SyncConflictService conflicts = new SyncConflictService(hubDb, clock);
        conflicts.resolve(manager, conflicts.open().get(0).id(), "拜访设备科王主任");
        sync();
        for (Database db : List.of(hubDb, replica)) {
            assertThat(tasks(db).find(manager, visit.id()).orElseThrow().title()).isEqualTo("拜访设备科王主任");
        }
    }

    @Test
    void aTaskMovedToAnotherCustomerOfflineMovesAtHeadOfficeToo() {
        Customer second = org.create(hubDb, org.wang, "苏州第二医院");
        createReplica();
        Task offline = tasks(replica).find(org.wang.asActor(), visit.id()).orElseThrow();
        TaskDraft d = offline.toDraft();
        tasks(replica).update(org.wang.asActor(), visit.id(), offline.version(), new TaskDraft(d.title(),
                d.description(), d.assigneeId(), d.priority(), d.dueAt(), second.id(), null));

        sync();

        assertThat(tasks(hubDb).find(manager, visit.id()).orElseThrow().customerId()).isEqualTo(second.id());
    }

    @Test
    void aTaskDeletedOfflineAfterHeadOfficeEditedItIsDeletedWithTheEditRecorded() {
        createReplica();
        Task offline = tasks(replica).find(org.wang.asActor(), visit.id()).orElseThrow();
        tasks(replica).delete(org.wang.asActor(), visit.id(), offline.version());
        Task hubNow = tasks(hubDb).find(manager, visit.id()).orElseThrow();
        tasks(hubDb).update(manager, visit.id(), hubNow.version(), withTitle(hubNow, "拜访设备科（改期）"));

        sync();

        assertThat(tasks(hubDb).find(manager, visit.id())).isEmpty();
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.DELETE_AFTER_EDIT);
            assertThat(c.field()).isEqualTo("title");
            assertThat(c.hubValue()).isEqualTo("拜访设备科（改期）");
        });
        assertThat(SyncFixture.row(hubDb, SyncedEntity.TASK, visit.id()).orElseThrow().get("title"))
                .isEqualTo("拜访设备科（改期）");
    }

    @Test
    void aTaskHeadOfficeGivesToABranchRepArrivesOnTheNextSync() {
        createReplica();
        Task given = tasks(hubDb).create(manager, new TaskDraft("准备投标文件", null, org.li.id(), null, null, null, null),
                TaskStatus.TODO);

        sync();

        assertThat(tasks(replica).find(org.li.asActor(), given.id())).map(Task::title).contains("准备投标文件");
    }

    @Test
    void aChecklistTickedAndExtendedOfflineReachesHeadOfficeAndHeadOfficesTicksComeBack() {
        ChecklistItem bring = tasks(hubDb).addChecklistItem(manager, visit.id(), "带样品");
        ChecklistItem book = tasks(hubDb).addChecklistItem(manager, visit.id(), "约好时间");
        createReplica();
        assertThat(checklist(replica)).extracting(ChecklistItem::label).containsExactly("带样品", "约好时间");

        tasks(replica).setChecklistItemDone(org.wang.asActor(), bring.id(), 1, true);
        ChecklistItem added = tasks(replica).addChecklistItem(org.wang.asActor(), visit.id(), "带报价单");
        tasks(hubDb).setChecklistItemDone(manager, book.id(), 1, true);
        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        for (Database db : List.of(hubDb, replica)) {
            assertThat(checklist(db)).extracting(ChecklistItem::id, ChecklistItem::done).containsExactly(
                    tuple(bring.id(), true), tuple(book.id(), true),
                    tuple(added.id(), false));
        }
    }

    @Test
    void aTaskHeadOfficeHandsToABranchRepArrivesWithItsChecklist() {
        Task other = tasks(hubDb).create(manager, new TaskDraft("准备标书", null, org.zhang.id(), null, null, null, null),
                TaskStatus.TODO);
        tasks(hubDb).addChecklistItem(manager, other.id(), "技术参数");
        createReplica();
        assertThat(SyncFixture.row(replica, SyncedEntity.TASK, other.id())).isEmpty();

        Task now = tasks(hubDb).find(manager, other.id()).orElseThrow();
        TaskDraft d = now.toDraft();
        tasks(hubDb).update(manager, other.id(), now.version(), new TaskDraft(d.title(), d.description(), org.li.id(),
                d.priority(), d.dueAt(), d.customerId(), d.opportunityId()));
        sync();

        List<ChecklistItem> arrived = replica.transactionResult(cfg -> TaskChecklistItemRepository.using(cfg, clock)
                .forTask(other.id()));
        assertThat(arrived).extracting(ChecklistItem::label).containsExactly("技术参数");
    }

    @Test
    void commentsWrittenOnBothSidesReachTheOtherWithTheirAuthors() {
        createReplica();
        tasks(replica).addComment(org.wang.asActor(), visit.id(), "王主任下周二在");
        tasks(hubDb).addComment(manager, visit.id(), "记得带新版报价");

        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        for (Database db : List.of(hubDb, replica)) {
            List<TaskComment> all = db.transactionResult(cfg -> TaskCommentRepository.using(cfg, clock).forTask(visit.id()));
            assertThat(all).extracting(TaskComment::body, TaskComment::authorId).containsExactlyInAnyOrder(
                    tuple("王主任下周二在", org.wang.id()), tuple("记得带新版报价", org.zhang.id()));
        }
    }

    private List<ChecklistItem> checklist(Database db) {
        return db.transactionResult(cfg -> TaskChecklistItemRepository.using(cfg, clock).forTask(visit.id()));
    }

    private static TaskDraft withTitle(Task t, String title) {
        TaskDraft d = t.toDraft();
        return new TaskDraft(title, d.description(), d.assigneeId(), d.priority(), d.dueAt(), d.customerId(),
                d.opportunityId());
    }

    private TaskService tasks(Database db) {
        return new TaskService(db, clock);
    }

    private void createReplica() {
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock, PAGE);
    }

    private SyncReport sync() {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }
}
