package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.UserLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing the team roster (花名册) on a real HSQLDB. */
class UserImportHsqldbTest {

    static final List<String> HEADERS = List.of("姓名", "账号", "角色", "直属上级", "部门", "手机", "邮箱");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            姓名     | displayName
            员工姓名 | displayName
            登录名   | username
            账号     | username
            工号     | username
            角色     | role
            上级     | manager
            直属上级 | manager
            部门     | orgUnit
            所属部门 | orgUnit
            手机     | mobile
            邮箱     | email
            Login    | username
            Reports to | manager
            入职日期 | joinedOn
            入职时间 | joinedOn
            离职日期 | leftOn
            离职时间 | leftOn
            """)
    void rosterHeadersMapWithoutHelp(String header, String field) {
        assertThat(new ColumnMapper(UserLedger.ENTITY).map(List.of(header)).columns())
                .extracting(MappedColumn::fieldKey).containsExactly(field);
    }

    @Test
    void onlyAnAdministratorMayImportTheRosterAndIsToldBeforeTheFileIsRead() {
        Path missing = dir.resolve("never-read.xlsx");

        assertThatThrownBy(() -> f.imports.preview(missing, ImportRequest.of("users"), f.manager.asActor(),
                ImportMonitor.NONE))
                .isInstanceOfSatisfying(LedgerImportException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.import.adminOnly"));
    }

    @Test
    void rosterCreatesMembersWithRolesOrgUnitsAndManagersFromTheSameSheet() {
        ImportResult result = commit(roster(), DuplicateDecision.SKIP);

        assertThat(result.counts()).isEqualTo(new ImportCounts(3, 0, 1, 0, 0));
        User zhao = user("zhao").orElseThrow();
        User sun = user("sun").orElseThrow();
        User qian = user("qian").orElseThrow();
        assertThat(zhao.role()).isEqualTo(Role.REP);
        assertThat(zhao.managerId()).as("a manager listed further down").isEqualTo(sun.id());
        assertThat(zhao.orgUnitName()).isEqualTo("华东大区");
        assertThat(sun.role()).isEqualTo(Role.MANAGER);
        assertThat(sun.managerId()).as("an existing user by name").isEqualTo(f.manager.id());
        assertThat(qian.role()).as("English role names").isEqualTo(Role.FINANCE);
        assertThat(qian.orgUnitName()).as("no org unit: the company").isEqualTo("测试公司");
        assertThat(user("wang").orElseThrow().displayName()).as("skipped by default").isEqualTo("王一");
    }

    @Test
    void aDuplicateLoginUpdatesTheAccountWhenAskedAndUndoRestoresIt() {
        ImportResult result = commit(roster(), DuplicateDecision.UPDATE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(3, 1, 0, 0, 0));
        assertThat(user("wang").orElseThrow().role()).isEqualTo(Role.MANAGER);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(3);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(user("zhao")).isEmpty();
        assertThat(user("wang").orElseThrow().role()).isEqualTo(Role.REP);
    }

    @Test
    void aRosterImportedAgainAfterUndoBringsTheAccountsBack() {
        ImportResult first = commit(roster(), DuplicateDecision.SKIP);
        f.history.undo(first.batchId(), admin);

        ImportResult again = commit(roster(), DuplicateDecision.SKIP);

        assertThat(again.counts()).as("logins are taken for ever, so the old accounts return")
                .isEqualTo(new ImportCounts(0, 3, 1, 0, 0));
        assertThat(user("zhao").orElseThrow().managerId()).isEqualTo(user("sun").orElseThrow().id());
    }

    @Test
    void unknownRoleOrgUnitManagerAndManagerCyclesAreProblemsOnTheirCells() {
        Path ledger = TestLedgers.xlsx(dir.resolve("bad.xlsx"), null, HEADERS, List.of(
                row("甲", "jia", "老板娘", null, null, null, null),
                row("乙", "yi", null, null, "火星分部", null, null),
                row("丙", "bing", null, "查无此人", null, null, null),
                row("丁", "ding", null, "wu", null, null, null),
                row("戊", "wu", null, "丁", null, null, null)));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("users"), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(2, "角色", "ledger.import.unknownRole"),
                        tuple(3, "部门", "ledger.import.unknownOrgUnit"),
                        tuple(4, "直属上级", "ledger.import.unknownManager"),
                        tuple(5, "直属上级", "ledger.import.managerCycle"),
                        tuple(6, "直属上级", "ledger.import.managerCycle"));
    }

    @Test
    void rosterExportImportsBackUnchanged() {
        commit(roster(), DuplicateDecision.SKIP);
        Path exported = dir.resolve("花名册.xlsx");
        int rows = f.entities.exportTarget("users").export(admin, CustomerQuery.all(), exported, ImportMonitor.NONE);

        ImportResult again = commit(exported, DuplicateDecision.UPDATE);

        assertThat(rows).isEqualTo(7);
        assertThat(again.counts().invalid()).isZero();
        assertThat(again.counts().updated() + again.counts().skipped()).isEqualTo(7);
        assertThat(user("zhao").orElseThrow().managerId()).isEqualTo(user("sun").orElseThrow().id());
    }

    @Test
    void joiningAndLeavingDaysComeFromTheRosterAndALeaverIsNoLongerActive() {
        // Today is 27 November 2026: 周 left in September, 吴 leaves at the end of the year.
        Path ledger = TestLedgers.xlsx(dir.resolve("离职.xlsx"), null, List.of("姓名", "账号", "入职日期", "离职日期"),
                List.of(row("周六", "zhou", LocalDate.of(2023, 3, 1), LocalDate.of(2026, 9, 30)),
                        row("吴七", "wu", LocalDate.of(2024, 6, 1), LocalDate.of(2026, 12, 31)),
                        row("郑八", "zheng", null, null),
                        row("王一", "wang", null, LocalDate.of(2026, 11, 20))));

        commit(ledger, DuplicateDecision.UPDATE);

        UserAccount zhou = account("zhou");
        assertThat(zhou.draft().joinedOn()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(zhou.draft().leftOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(zhou.active()).as("left before today").isFalse();
        assertThat(account("wu").active()).as("still here until 31 December").isTrue();
        assertThat(account("zheng").draft().joinedOn()).as("no 入职日期: joins the day the account is made")
                .isEqualTo(LocalDate.of(2026, 11, 27));
        UserAccount wang = account("wang");
        assertThat(wang.draft().leftOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(wang.active()).as("an existing member the roster says has left").isFalse();
        assertThat(user("wang")).as("no longer offered as an owner or approver").isEmpty();
    }

    @Test
    void undoBringsBackAMemberTheRosterSaidHadLeftAndRemovesTheLeaversItAdded() {
        Path ledger = TestLedgers.xlsx(dir.resolve("离职.xlsx"), null, List.of("姓名", "账号", "入职日期", "离职日期"),
                List.of(row("周六", "zhou", LocalDate.of(2023, 3, 1), LocalDate.of(2026, 9, 30)),
                        row("王一", "wang", null, LocalDate.of(2026, 11, 20))));
        ImportResult result = commit(ledger, DuplicateDecision.UPDATE);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.conflicts()).isEmpty();
        assertThat(undo.removed()).isEqualTo(1);
        assertThat(undo.restored()).isEqualTo(1);
        UserAccount wang = account("wang");
        assertThat(wang.active()).isTrue();
        assertThat(wang.draft().leftOn()).isNull();
        assertThat(account("zhou").active()).isFalse();
    }

    @Test
    void aLeavingDayBeforeTheJoiningDayIsAProblemOnItsCell() {
        Path ledger = TestLedgers.xlsx(dir.resolve("bad-dates.xlsx"), null, List.of("姓名", "账号", "入职日期", "离职日期"),
                List.of(row("周六", "zhou", LocalDate.of(2026, 3, 1), LocalDate.of(2025, 9, 30))));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("users"), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(tuple(2, "离职日期", "ledger.import.leftBeforeJoined"));
    }

    UserAccount account(String login) {
        return db.transactionResult(cfg -> UserRepository.using(cfg, clock).accountsByUsernames(List.of(login)))
                .get(0);
    }

    /** 赵 reports to 孙 (a later row), 孙 to the existing 陈东 by name, 钱 in finance, 王一 again by login. */
    Path roster() {
        return TestLedgers.xlsx(dir.resolve("花名册.xlsx"), "销售团队花名册", HEADERS, List.of(
                row("赵三", "zhao", "销售代表", "孙四", "华东大区", "13800138000", "zhao@example.com"),
                row("孙四", "sun", "区域经理", "陈东", "华东大区", null, null),
                row("钱五", "qian", "Finance", null, null, null, null),
                row("王一", "WANG", "经理", null, null, null, null)));
    }

    ImportResult commit(Path ledger, DuplicateDecision onDuplicate) {
        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("users").withOnDuplicate(onDuplicate),
                admin, ImportMonitor.NONE);
        assertThat(preview.problems()).isEmpty();
        return f.imports.commit(preview, admin, ImportMonitor.NONE);
    }

    Optional<User> user(String login) {
        return f.users.byUsername(login);
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
