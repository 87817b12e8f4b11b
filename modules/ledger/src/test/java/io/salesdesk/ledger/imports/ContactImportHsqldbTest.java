package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.CreditCode;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Contact;
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
import io.salesdesk.ledger.model.ContactLedger;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing and exporting contact ledgers (联系人台账) on a real HSQLDB. */
class ContactImportHsqldbTest {

    static final String KANGHUA_CODE = CreditCode.withCheckDigit("91320508MA1XXXXXX");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    Customer kanghua;
    Customer mingde;
    Customer liOnly;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
        kanghua = customer("苏州康华医院", KANGHUA_CODE, f.wang.id());
        mingde = customer("杭州明德诊所", null, f.wang.id());
        liOnly = customer("南京李氏药房", null, f.li.id());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            客户名称   | customer
            所属客户   | customer
            公司名称   | customer
            统一社会信用代码 | customerCreditCode
            联系人     | name
            姓名       | name
            联系人姓名 | name
            职务       | title
            职位       | title
            手机       | mobile
            手机号码   | mobile
            联系人手机 | mobile
            电话       | phone
            办公电话   | phone
            邮箱       | email
            电子邮箱   | email
            主要联系人 | primary
            是否主要联系人 | primary
            备注       | notes
            Contact name | name
            E-mail     | email
            """)
    void contactHeadersMapWithoutHelp(String header, String field) {
        assertThat(new ColumnMapper(ContactLedger.ENTITY).map(List.of(header)).columns())
                .extracting(MappedColumn::fieldKey).containsExactly(field);
    }

    @Test
    void rowsWhoseCustomerIsUnknownOrNotVisibleAreProblemsOnTheCustomerCell() {
        Path ledger = TestLedgers.xlsx(dir.resolve("联系人.xlsx"), "联系人台账", List.of("客户名称", "联系人", "手机"), List.of(
                row("苏州康华医院", "张医生", "138 0013 8000"),
                row("不存在医院", "赵六", null),
                row("南京李氏药房", "钱七", null),
                row("杭州明德诊所", null, "13900139000")));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("contacts"), f.wang.asActor(),
                ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(5, "客户名称", "ledger.import.unknownCustomer"),
                        tuple(6, "客户名称", "ledger.import.customerNotVisible"),
                        tuple(7, "联系人", "ledger.convert.required"));
        assertThat(preview.counts()).isEqualTo(new ImportCounts(1, 0, 0, 3, 0));
    }

    @Test
    void customerIsFoundByCreditCodeTypedIntoTheNameColumnToo() {
        Path ledger = TestLedgers.xlsx(dir.resolve("联系人.xlsx"), null, List.of("客户名称", "联系人"),
                List.of(row(KANGHUA_CODE, "张医生")));

        commit(ledger, ImportRequest.of("contacts"));

        assertThat(contactsOf(kanghua)).extracting(Contact::name).containsExactly("张医生");
    }

    @Test
    void duplicatesWithinACustomerByNameOrPhoneAreSkippedByDefault() {
        existingContact(kanghua, "张医生", "13800138000", true);

        ImportResult result = commit(dupLedger(), ImportRequest.of("contacts"));

        // 张医生 exists; 张伟 has 张医生's mobile; 王护士 twice in the file; 张医生 at 明德 is another person.
        assertThat(result.counts()).isEqualTo(new ImportCounts(2, 0, 3, 0, 0));
        assertThat(contactsOf(kanghua)).extracting(Contact::name).containsExactlyInAnyOrder("张医生", "王护士");
        assertThat(contactsOf(mingde)).extracting(Contact::name).containsExactly("张医生");
    }

    @Test
    void duplicatesUpdateTheExistingContactAndTheMainContactFlagMovesWhenAsked() {
        Contact zhang = existingContact(kanghua, "张医生", "13800138000", true);
        Contact old = existingContact(kanghua, "老联系人", null, false);

        ImportResult result = commit(dupLedger(), ImportRequest.of("contacts").withOnDuplicate(DuplicateDecision.UPDATE));

        assertThat(result.counts()).isEqualTo(new ImportCounts(2, 3, 0, 0, 0));
        Contact updated = contact(zhang.id());
        assertThat(updated.title()).as("the row's value over the contact").isEqualTo("科室主任");
        assertThat(updated.name()).as("the later row with the same mobile is merged in").isEqualTo("张伟");
        assertThat(updated.mobile()).as("fields the row leaves blank are kept").isEqualTo("13800138000");
        assertThat(contactsOf(kanghua)).filteredOn(Contact::primary).extracting(Contact::name)
                .as("one main contact per customer: the last row that says so").containsExactly("王护士");
        assertThat(contact(old.id()).primary()).isFalse();
    }

    @Test
    void duplicatesBecomeNewContactsWhenAsked() {
        existingContact(kanghua, "张医生", "13800138000", false);

        ImportResult result = commit(dupLedger(), ImportRequest.of("contacts").withOnDuplicate(DuplicateDecision.CREATE));

        assertThat(result.counts()).isEqualTo(new ImportCounts(5, 0, 0, 0, 0));
        assertThat(contactsOf(kanghua)).hasSize(5);
    }

    @Test
    void undoRemovesCreatedContactsAndRestoresUpdatedOnesAndTheMainContactFlag() {
        Contact zhang = existingContact(kanghua, "张医生", "13800138000", true);
        ImportResult result = commit(dupLedger(), ImportRequest.of("contacts").withOnDuplicate(DuplicateDecision.UPDATE));

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.conflicts()).isEmpty();
        assertThat(contactsOf(kanghua)).containsExactly(contact(zhang.id()));
        assertThat(contact(zhang.id()).toDraft()).isEqualTo(zhang.toDraft());
        assertThat(contactsOf(mingde)).isEmpty();
    }

    @Test
    void undoLeavesContactsEditedAfterTheImportAndListsThemAsConflicts() {
        ImportResult result = commit(dupLedger(), ImportRequest.of("contacts"));
        Contact wang = contactsOf(kanghua).stream().filter(c -> c.name().equals("王护士")).findFirst().orElseThrow();
        db.transaction(cfg -> ContactRepository.using(cfg, clock).update(admin, ChangeReason.user(), wang.id(),
                wang.version(), new ContactDraft("王护士", "护士长", null, null, null, null, true, null)));

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(3);
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::name).containsExactly("王护士");
        assertThat(contactsOf(kanghua)).extracting(Contact::name).containsExactly("王护士");
    }

    @Test
    void exportWritesTheVisibleContactsWithFrozenHeaderFilterAndHiddenIdColumns() throws Exception {
        existingContact(kanghua, "=cmd|' /C calc'!A0", "13800138000", true);
        existingContact(liOnly, "钱七", null, false);
        Path out = dir.resolve("联系人导出.xlsx");

        int rows = f.entities.exportTarget("contacts").export(f.wang.asActor(), CustomerQuery.all(), out,
                ImportMonitor.NONE);

        assertThat(rows).as("only the contacts of 王一's customers").isEqualTo(1);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:I");
            assertThat(sheet.isColumnHidden(9)).isTrue();
            assertThat(sheet.isColumnHidden(10)).isTrue();
            assertThat(sheet.isColumnHidden(11)).isTrue();
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo(kanghua.id().toString());
            assertThat(sheet.getRow(1).getCell(1).getCellType()).as("never a formula").isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("是");
        }
    }

    @Test
    void reimportingAnEditedExportUpdatesChangedCellsByIdAndReportsContactsChangedMeanwhile() throws Exception {
        Contact edited = existingContact(kanghua, "张医生", "13800138000", true);
        Contact changedMeanwhile = existingContact(kanghua, "李主任", "13900139000", false);
        Contact untouched = existingContact(mingde, "赵会计", null, false);
        Path exported = dir.resolve("export.xlsx");
        f.entities.exportTarget("contacts").export(admin, CustomerQuery.all(), exported, ImportMonitor.NONE);
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            rowNamed(sheet, "张医生").createCell(2).setCellValue("院长");
            rowNamed(sheet, "张医生").removeCell(rowNamed(sheet, "张医生").getCell(3));
            rowNamed(sheet, "李主任").createCell(2).setCellValue("主任");
            try (OutputStream out = Files.newOutputStream(dir.resolve("edited.xlsx"))) {
                workbook.write(out);
            }
        }
        db.transaction(cfg -> ContactRepository.using(cfg, clock).update(f.li.asActor(), ChangeReason.user(),
                changedMeanwhile.id(), changedMeanwhile.version(),
                new ContactDraft("李主任", "副主任", "13900139000", null, null, null, false, null)));

        ImportPreview preview = f.imports.preview(dir.resolve("edited.xlsx"), ImportRequest.of("contacts"), admin,
                ImportMonitor.NONE);
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 1, 1, 0, 1));
        Contact updated = contact(edited.id());
        assertThat(updated.title()).isEqualTo("院长");
        assertThat(updated.mobile()).as("a cell emptied in Excel clears the field").isNull();
        assertThat(updated.primary()).isTrue();
        assertThat(contact(changedMeanwhile.id()).title()).as("not overwritten").isEqualTo("副主任");
        assertThat(contact(untouched.id())).isEqualTo(untouched);
        assertThat(preview.rows()).filteredOn(r -> r.action() == RowAction.CONFLICT)
                .extracting(r -> r.match().existingName()).containsExactly("李主任");
        assertThat(contactsOf(kanghua)).hasSize(2);
    }

    /** Rows 4-8: 张医生 again, 张伟 with 张医生's mobile, 王护士 twice (main contact), 张医生 at another customer. */
    Path dupLedger() {
        return TestLedgers.xlsx(dir.resolve("dup.xlsx"), "联系人台账",
                List.of("客户名称", "姓名", "职务", "手机", "主要联系人"), List.of(
                        row("苏州康华医院", "张医生", "科室主任", null, null),
                        row("苏州康华医院", "张伟", null, "138-0013-8000", "否"),
                        row("苏州康华医院", "王护士", "护士", null, "是"),
                        row("苏州康华医院", "王 护士", null, "13700137000", null),
                        row("杭州明德诊所", "张医生", null, null, null)));
    }

    ImportResult commit(Path ledger, ImportRequest request) {
        ImportPreview preview = f.imports.preview(ledger, request, admin, ImportMonitor.NONE);
        assertThat(preview.problems()).isEmpty();
        return f.imports.commit(preview, admin, ImportMonitor.NONE);
    }

    Customer customer(String name, String creditCode, UUID ownerId) {
        return db.transactionResult(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName).insert(admin,
                ChangeReason.user(), Ids.newId(clock), new CustomerDraft(name, creditCode, Tier.B, null, null, null, null,
                        ownerId), CompanyName.normalise(name)));
    }

    Contact existingContact(Customer customer, String name, String mobile, boolean primary) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> ContactRepository.using(cfg, clock).insertAll(admin, ChangeReason.user(), List.of(
                new ContactRepository.NewContact(id, customer.id(),
                        new ContactDraft(name, null, mobile, null, null, null, primary, null)))));
        return contact(id);
    }

    Contact contact(UUID id) {
        return db.transactionResult(cfg -> ContactRepository.using(cfg, clock).find(id)).orElseThrow();
    }

    List<Contact> contactsOf(Customer customer) {
        return db.transactionResult(cfg -> ContactRepository.using(cfg, clock).forCustomer(customer.id()));
    }

    static Row rowNamed(XSSFSheet sheet, String contactName) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && contactName.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(contactName + " not exported");
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
