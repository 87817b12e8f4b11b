package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Activity;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.ActivityLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing and exporting follow-up ledgers (跟进记录) on a real HSQLDB. */
class ActivityImportHsqldbTest {

    static final List<String> HEADERS = List.of("客户名称", "跟进日期", "跟进方式", "跟进内容", "联系人", "跟进人", "下次跟进时间");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    Customer kanghua;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
        kanghua = db.transactionResult(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName).insert(admin,
                ChangeReason.user(), Ids.newId(clock), new CustomerDraft("苏州康华医院", null, Tier.A, null, null, null, null,
                        f.wang.id()), CompanyName.normalise("苏州康华医院")));
        db.transaction(cfg -> ContactRepository.using(cfg, clock).insertAll(admin, ChangeReason.user(), List.of(
                new ContactRepository.NewContact(Ids.newId(clock), kanghua.id(),
                        new ContactDraft("张医生", null, null, null, null, null, true, null)))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            客户名称     | customer
            跟进时间     | occurredAt
            跟进日期     | occurredAt
            日期         | occurredAt
            跟进方式     | kind
            跟进类型     | kind
            跟进内容     | note
            内容         | note
            跟进人       | owner
            销售         | owner
            下次跟进时间 | nextFollowUpOn
            下次跟进     | nextFollowUpOn
            跟进结果     | outcome
            联系人       | contact
            """)
    void followUpHeadersMapWithoutHelp(String header, String field) {
        assertThat(new ColumnMapper(ActivityLedger.ENTITY).map(List.of(header)).columns())
                .extracting(MappedColumn::fieldKey).containsExactly(field);
    }

    @Test
    void followUpsAreImportedWithKindOwnerContactAndBeijingTime() {
        commit(ledger(), DuplicateDecision.SKIP);

        List<Activity> timeline = timeline();
        assertThat(timeline).extracting(Activity::kind, Activity::note, Activity::ownerId, Activity::contactName)
                .containsExactly(
                        tuple(ActivityKind.VISIT, "介绍新品", f.wang.id(), "张医生"),
                        tuple(ActivityKind.CALL, "约下周演示", f.li.id(), null),
                        tuple(ActivityKind.NOTE, "客户要报价", f.wang.id(), null));
        assertThat(timeline.get(0).occurredAt().toInstant()).as("ledger times are Beijing time")
                .isEqualTo(Instant.parse("2025-11-02T16:00:00Z"));
        assertThat(timeline.get(1).nextFollowUpOn()).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    @Test
    void unknownKindCustomerContactAndOwnerAreProblemsOnTheirCells() {
        Path ledger = TestLedgers.xlsx(dir.resolve("bad.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "2025-11-03", "飞鸽传书", "x", null, null, null),
                row("不存在医院", "2025-11-03", "电话", "x", null, null, null),
                row("苏州康华医院", "2025-11-03", "电话", "x", "不认识的人", null, null),
                row("苏州康华医院", "2025-11-03", "电话", "x", null, "无名氏", null),
                row("苏州康华医院", "十一月", "电话", "x", null, null, null)));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("activities"), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(2, "跟进方式", "ledger.import.unknownActivityKind"),
                        tuple(3, "客户名称", "ledger.import.unknownCustomer"),
                        tuple(4, "联系人", "ledger.import.unknownContact"),
                        tuple(5, "跟进人", "ledger.import.unknownOwner"),
                        tuple(6, "跟进日期", "ledger.convert.notADate"));
    }

    @Test
    void followUpsOnRecordAreSkippedAndNeverUpdated() {
        commit(ledger(), DuplicateDecision.SKIP);

        ImportResult again = commit(ledger(), DuplicateDecision.UPDATE);

        assertThat(again.counts()).isEqualTo(new ImportCounts(0, 0, 3, 0, 0));
        assertThat(timeline()).hasSize(3);
    }

    @Test
    void followUpsOnRecordAreRecordedAgainWhenAskedToCreate() {
        commit(ledger(), DuplicateDecision.SKIP);

        ImportResult again = commit(ledger(), DuplicateDecision.CREATE);

        assertThat(again.counts().created()).isEqualTo(3);
        assertThat(timeline()).hasSize(6);
    }

    @Test
    void undoRemovesTheImportedFollowUps() {
        ImportResult result = commit(ledger(), DuplicateDecision.SKIP);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(3);
        assertThat(timeline()).isEmpty();
    }

    @Test
    void reimportingAnExportAddsOnlyNewFollowUps() {
        commit(ledger(), DuplicateDecision.SKIP);
        Path exported = dir.resolve("跟进导出.xlsx");
        int rows = f.entities.exportTarget("activities").export(admin, CustomerQuery.all(), exported, ImportMonitor.NONE);

        ImportResult again = commit(exported, DuplicateDecision.SKIP);

        assertThat(rows).isEqualTo(3);
        assertThat(again.counts()).isEqualTo(new ImportCounts(0, 0, 3, 0, 0));
    }

    @Test
    void importedFollowUpsMoveLastAndNextFollowUpAsLoggingThemDoes() {
        markFollowedUp("2025-10-01T02:00:00Z", "2025-10-08");

        commit(ledgerWithNextDates(), DuplicateDecision.SKIP);

        Customer after = customer();
        assertThat(after.lastFollowUpAt().toInstant()).as("the newest imported follow-up, Beijing midnight")
                .isEqualTo(Instant.parse("2025-11-04T16:00:00Z"));
        assertThat(after.nextFollowUpOn()).as("the next date of that newest follow-up")
                .isEqualTo(LocalDate.of(2025, 11, 12));
    }

    @Test
    void olderImportedFollowUpsDoNotMoveLastFollowUpBackwards() {
        markFollowedUp("2026-01-10T02:00:00Z", "2026-01-20");
        Customer before = customer();

        ImportResult result = commit(ledgerWithNextDates(), DuplicateDecision.SKIP);

        assertThat(result.counts().created()).isEqualTo(2);
        Customer after = customer();
        assertThat(after.lastFollowUpAt()).isEqualTo(before.lastFollowUpAt());
        assertThat(after.nextFollowUpOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(after.version()).as("the customer was not touched").isEqualTo(before.version());
        assertThat(f.history.undo(result.batchId(), admin).restored()).isZero();
    }

    @Test
    void undoPutsLastAndNextFollowUpBackWhereTheAuditTrailSaysTheyWere() {
        markFollowedUp("2025-10-01T02:00:00Z", "2025-10-08");
        ImportResult result = commit(ledgerWithNextDates(), DuplicateDecision.SKIP);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.conflicts()).isEmpty();
        Customer after = customer();
        assertThat(after.lastFollowUpAt().toInstant()).isEqualTo(Instant.parse("2025-10-01T02:00:00Z"));
        assertThat(after.nextFollowUpOn()).isEqualTo(LocalDate.of(2025, 10, 8));
    }

    @Test
    void undoOfACustomerWithoutFollowUpsBeforeClearsBothFields() {
        ImportResult result = commit(ledgerWithNextDates(), DuplicateDecision.SKIP);
        assertThat(customer().lastFollowUpAt()).isNotNull();

        f.history.undo(result.batchId(), admin);

        assertThat(customer().lastFollowUpAt()).isNull();
        assertThat(customer().nextFollowUpOn()).isNull();
    }

    @Test
    void undoLeavesACustomerChangedSinceTheImportAndListsIt() {
        markFollowedUp("2025-10-01T02:00:00Z", "2025-10-08");
        ImportResult result = commit(ledgerWithNextDates(), DuplicateDecision.SKIP);
        markFollowedUp("2025-11-20T02:00:00Z", "2025-11-27");

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).as("the follow-ups themselves are removed").isEqualTo(2);
        assertThat(undo.restored()).isZero();
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::entityId, UndoResult.Conflict::name)
                .containsExactly(tuple(kanghua.id(), "苏州康华医院"));
        Customer after = customer();
        assertThat(after.lastFollowUpAt().toInstant()).isEqualTo(Instant.parse("2025-11-20T02:00:00Z"));
        assertThat(after.nextFollowUpOn()).isEqualTo(LocalDate.of(2025, 11, 27));
    }

    /** Two follow-ups, newest last in time but first in the file, each with a next date. */
    Path ledgerWithNextDates() {
        return TestLedgers.xlsx(dir.resolve("跟进带下次.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "2025-11-05", "电话", "确认报价", null, "王一", "2025-11-12"),
                row("苏州康华医院", "2025-11-03", "上门拜访", "介绍新品", "张医生", "王一", "2025-11-06")));
    }

    void markFollowedUp(String at, String next) {
        db.transaction(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName).markFollowedUp(admin,
                ChangeReason.user(), kanghua.id(), java.time.OffsetDateTime.parse(at), LocalDate.parse(next)));
    }

    Customer customer() {
        return db.transactionResult(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName)
                .findAny(kanghua.id())).orElseThrow();
    }

    /** Three follow-ups: a visit with 张医生, a call by 李二 with a next date, a note with no kind or owner. */
    Path ledger() {
        return TestLedgers.xlsx(dir.resolve("跟进记录.xlsx"), "2025年跟进记录", HEADERS, List.of(
                row("苏州康华医院", "2025-11-03", "上门拜访", "介绍新品", "张医生", "王一", null),
                row("苏州康华医院", "2025/11/4 10:30", "电话", "约下周演示", null, "li", "2025-11-10"),
                row("苏州康华医院", "2025年11月5日", null, "客户要报价", null, null, null)));
    }

    ImportResult commit(Path ledger, DuplicateDecision onDuplicate) {
        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("activities").withOnDuplicate(onDuplicate),
                admin, ImportMonitor.NONE);
        assertThat(preview.problems()).isEmpty();
        return f.imports.commit(preview, admin, ImportMonitor.NONE);
    }

    List<Activity> timeline() {
        List<Activity> all = new ArrayList<>(db.transactionResult(cfg -> ActivityRepository.using(cfg, clock)
                .timeline(kanghua.id(), 100)));
        all.sort(Comparator.comparing(Activity::occurredAt));
        return all;
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
