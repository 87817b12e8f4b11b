package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.CreditCode;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.crm.CustomerExport;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing customer ledgers end to end on a real database; run on HSQLDB and, when configured, PostgreSQL. */
abstract class CustomerImportContract {

    static final String CREDIT_1 = CreditCode.withCheckDigit("91320508MA1XXXXXX");
    static final String CREDIT_2 = CreditCode.withCheckDigit("91310115MA1HXXXXX");
    static final List<String> HEADERS = List.of("客户名称", "统一社会信用代码", "客户等级", "省份", "城市", "区县", "联系电话",
            "负责人", "金额(万元)", "签约日期", "联系人");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    abstract Database open(Path dataDir);

    /** Rows per chunk when an import is written in chunks; 0 for the importer's own. */
    int chunkRows() {
        return 0;
    }

    @BeforeEach
    void setUp() {
        db = open(dir.resolve("db"));
        f = new LedgerFixture(db, clock, chunkRows());
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Three good customers, a duplicate of the first, a bad phone and a bad credit code. */
    Path messyLedger() {
        return TestLedgers.xlsx(dir.resolve("客户台账.xlsx"), "2021-2025年华东区客户台账", HEADERS, List.of(
                row("苏州康华医院", CREDIT_1, "A", "江苏", "苏州", "姑苏区", "0512 6523 4567", "王一", 12.5, "2025/11/3", "张医生"),
                row("杭州明德诊所", null, "B", "浙江省", "杭州市", "西湖区", "138 0013 8000", "wang", 3, "2025年11月3日", null),
                row("上海瑞康医疗器械（集团）有限公司", CREDIT_2, "重点客户", "上海市", null, "浦东新区", "+86 21 6234 5678", "李二",
                        "￥1,200", LocalDate.of(2025, 11, 3), null),
                row("苏州 康华医院", null, "A", null, null, null, "0512 6523 9999", "王一", null, "20251103", null),
                row("南京坏电话公司", null, "C", "江苏省", "南京市", null, "12345", "王一", null, null, null),
                row("无锡坏代码公司", wrongCheckDigit(CREDIT_1), "C", null, null, null, null, "王一", null, null, null)));
    }

    @Test
    void previewFindsTitleRowHeaderAndMapsChineseColumnsWithoutHelp() {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(preview.header().firstRowNumber()).isEqualTo(3);
        assertThat(preview.mappingSource()).isEqualTo(MappingSource.AUTOMATIC);
        assertThat(preview.mapping().columns()).extracting(c -> c.fieldKey()).contains("name", "creditCode", "tier",
                "province", "city", "district", "phone", "owner", "amount", "signedOn", "contactName");
        assertThat(preview.counts()).isEqualTo(new ImportCounts(3, 0, 1, 2, 0));
    }

    @Test
    void previewReportsEveryProblemWithRowColumnHeaderValueAndKey() {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(preview.problems())
                .extracting(CellProblem::rowNumber, CellProblem::column, CellProblem::header, CellProblem::value,
                        CellProblem::messageKey)
                .containsExactly(
                        tuple(8, 6, "联系电话", "12345", "ledger.convert.badPhone"),
                        tuple(9, 1, "统一社会信用代码", wrongCheckDigit(CREDIT_1), "ledger.convert.creditCode.wrongCheckDigit"));
    }

    @Test
    void invalidRowsBlockTheWholeImportUnlessSkipped() {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.committed()).isFalse();
        assertThat(customers()).isEmpty();
        assertThat(f.history.latest(10)).isEmpty();
    }

    @Test
    void importSkipsInvalidRowsAndCreatesTheValidOnesWithResolvedRegionOwnerAndContact() {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true),
                admin, ImportMonitor.NONE);

        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.committed()).isTrue();
        assertThat(result.counts()).isEqualTo(new ImportCounts(3, 0, 1, 2, 0));
        Customer kanghua = byName("苏州康华医院").orElseThrow();
        assertThat(kanghua.creditCode()).isEqualTo(CREDIT_1);
        assertThat(kanghua.tier()).isEqualTo(Tier.A);
        assertThat(kanghua.regionCode()).isEqualTo("320508");
        assertThat(kanghua.phone()).isEqualTo("0512-65234567");
        assertThat(kanghua.ownerId()).isEqualTo(f.wang.id());
        assertThat(byName("杭州明德诊所").orElseThrow().ownerId()).as("owner by login").isEqualTo(f.wang.id());
        Customer ruikang = byName("上海瑞康医疗器械（集团）有限公司").orElseThrow();
        assertThat(ruikang.regionCode()).isEqualTo("310115");
        assertThat(ruikang.tier()).as("tier by its label").isEqualTo(Tier.A);
        assertThat(ruikang.ownerId()).isEqualTo(f.li.id());
        List<Contact> contacts = db.transactionResult(cfg -> ContactRepository.using(cfg, clock).forCustomer(kanghua.id()));
        assertThat(contacts).extracting(Contact::name).containsExactly("张医生");
    }

    @Test
    void everyWrittenRowRecordsTheBatchInTheAuditTrailAndTheHistoryListsIt() {
        ImportResult result = importMessy(DuplicateDecision.SKIP);

        Customer kanghua = byName("苏州康华医院").orElseThrow();
        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(kanghua.id()));
        assertThat(trail).extracting(ChangeEntry::reasonKind, ChangeEntry::reasonDetail)
                .containsExactly(tuple("IMPORT", result.batchId().toString()));
        ImportBatch batch = f.history.latest(10).get(0);
        assertThat(batch.id()).isEqualTo(result.batchId());
        assertThat(batch.fileName()).isEqualTo("客户台账.xlsx");
        assertThat(batch.sha256()).hasSize(64);
        assertThat(batch.sheetName()).isEqualTo("客户台账");
        assertThat(batch.status()).isEqualTo(ImportBatch.Status.COMMITTED);
        assertThat(batch.counts()).isEqualTo(new ImportCounts(3, 0, 1, 2, 0));
        assertThat(batch.importedByName()).isEqualTo("管理员");
    }

    @Test
    void dryRunPreviewWritesNothing() {
        f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true), admin, ImportMonitor.NONE);

        assertThat(customers()).isEmpty();
        assertThat(f.history.latest(10)).isEmpty();
    }

    @Test
    void cancelledCommitWritesNothing() {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true),
                admin, ImportMonitor.NONE);
        AtomicBoolean committing = new AtomicBoolean();
        ImportMonitor cancelDuringCommit = new ImportMonitor() {
            @Override
            public void progress(ImportPhase phase, long done, long total) {
                committing.set(phase == ImportPhase.COMMIT);
            }

            @Override
            public boolean cancelled() {
                return committing.get();
            }
        };

        assertThatThrownBy(() -> f.imports.commit(preview, admin, cancelDuringCommit))
                .isInstanceOf(ImportCancelledException.class);
        assertThat(customers()).isEmpty();
        assertThat(f.history.latest(10)).as("no batch, or one shown as stopped and taken back")
                .allMatch(b -> b.status() == ImportBatch.Status.ROLLED_BACK);
    }

    @Test
    void duplicatesOfExistingCustomersAreSkippedByDefault() {
        Customer existing = existing("苏州康华医院", "0512-11112222");

        ImportResult result = importMessy(DuplicateDecision.SKIP);

        assertThat(result.counts()).isEqualTo(new ImportCounts(2, 0, 2, 2, 0));
        assertThat(byName("苏州康华医院").orElseThrow()).isEqualTo(existing);
    }

    @Test
    void duplicatesUpdateTheExistingCustomerWithTheRowsValuesWhenAsked() {
        Customer existing = existing("苏州康华医院", "0512-11112222");

        ImportResult result = importMessy(DuplicateDecision.UPDATE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(2, 2, 0, 2, 0));
        Customer updated = byName("苏州康华医院").orElseThrow();
        assertThat(updated.id()).isEqualTo(existing.id());
        assertThat(updated.creditCode()).isEqualTo(CREDIT_1);
        assertThat(updated.phone()).as("the later duplicate row of the file wins").isEqualTo("0512-65239999");
        assertThat(updated.industry()).as("fields the ledger lacks are kept").isEqualTo("HOSPITAL");
        assertThat(customers()).hasSize(3);
    }

    @Test
    void duplicatesBecomeNewCustomersWhenAsked() {
        existing("苏州康华医院", "0512-11112222");

        ImportResult result = importMessy(DuplicateDecision.CREATE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(4, 0, 0, 2, 0));
        assertThat(customers()).hasSize(5);
    }

    @Test
    void aRowsDecisionCanBeChangedAfterPreview() {
        existing("苏州康华医院", "0512-11112222");
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true),
                admin, ImportMonitor.NONE);
        ImportRow first = preview.rows().get(0);
        assertThat(first.match().kind()).isEqualTo(MatchKind.NAME);
        assertThat(first.action()).isEqualTo(RowAction.SKIP);

        first.decide(DuplicateDecision.UPDATE);
        f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(byName("苏州康华医院").orElseThrow().creditCode()).isEqualTo(CREDIT_1);
    }

    @Test
    void unknownOwnerAndRegionAreProblemsOnTheirCells() {
        Path ledger = TestLedgers.xlsx(dir.resolve("owners.xlsx"), null, List.of("客户名称", "省份", "负责人"), List.of(
                row("甲公司", "火星省", "王一"),
                row("乙公司", "江苏省", "不存在的人")));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(tuple(2, "省份", "ledger.import.unknownRegion"),
                        tuple(3, "负责人", "ledger.import.unknownOwner"));
    }

    @Test
    void regionIsFoundInTheAddressWhenThereAreNoRegionColumns() {
        Path ledger = TestLedgers.xlsx(dir.resolve("address.xlsx"), null, List.of("客户名称", "地址"), List.of(
                row("甲公司", "江苏省苏州市姑苏区人民路1号"),
                row("乙公司", "北京朝阳区建国路88号"),
                row("丙公司", "杭州市西湖区文三路")));

        f.imports.commit(f.imports.preview(ledger, ImportRequest.of("customers"), admin, ImportMonitor.NONE), admin,
                ImportMonitor.NONE);

        assertThat(byName("甲公司").orElseThrow().regionCode()).isEqualTo("320508");
        assertThat(byName("乙公司").orElseThrow().regionCode()).isEqualTo("110105");
        assertThat(byName("丙公司").orElseThrow().regionCode()).isEqualTo("330106");
    }

    @Test
    void aMappingThatWorkedIsOfferedAgainForTheSameHeaders() {
        List<String> odd = List.of("单位全称XYZ", "电话号码");
        Path first = TestLedgers.xlsx(dir.resolve("first.xlsx"), null, odd, List.of(row("甲公司", "13800138000")));
        ImportPreview mapped = f.imports.preview(first, ImportRequest.of("customers")
                .withMapping(Map.of("单位全称XYZ", "name")), admin, ImportMonitor.NONE);
        assertThat(mapped.mappingSource()).isEqualTo(MappingSource.USER);
        f.imports.commit(mapped, admin, ImportMonitor.NONE);

        Path second = TestLedgers.xlsx(dir.resolve("second.xlsx"), null, odd, List.of(row("乙公司", "13900139000")));
        ImportPreview again = f.imports.preview(second, ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(again.mappingSource()).isEqualTo(MappingSource.SAVED);
        assertThat(again.mapping().columnFor("name")).isPresent();
        assertThat(again.counts().created()).isEqualTo(1);
    }

    @Test
    void aLedgerWithoutANameColumnIsRefusedBeforeReadingRows() {
        Path ledger = TestLedgers.xlsx(dir.resolve("noname.xlsx"), null, List.of("电话", "地址"),
                List.of(row("13800138000", "苏州")));

        assertThatThrownBy(() -> f.imports.preview(ledger, ImportRequest.of("customers"), admin, ImportMonitor.NONE))
                .isInstanceOfSatisfying(LedgerImportException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(LedgerImportException.MISSING_REQUIRED));
    }

    @Test
    void totalsRowAtTheBottomIsNotImported() {
        Path ledger = TestLedgers.xlsx(dir.resolve("totals.xlsx"), null, List.of("客户名称", "金额"), List.of(
                row("甲公司", 100), row("合计", 100)));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(preview.rows()).hasSize(1);
    }

    @Test
    void undoRemovesCreatedAndRestoresUpdatedCustomers() {
        Customer existing = existing("苏州康华医院", "0512-11112222");
        ImportResult result = importMessy(DuplicateDecision.UPDATE);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.conflicts()).isEmpty();
        Customer restored = byName("苏州康华医院").orElseThrow();
        assertThat(restored.phone()).isEqualTo(existing.phone());
        assertThat(restored.creditCode()).isNull();
        assertThat(customers()).hasSize(1);
        assertThat(f.history.latest(1).get(0).status()).isEqualTo(ImportBatch.Status.UNDONE);
        assertThatThrownBy(() -> f.history.undo(result.batchId(), admin))
                .isInstanceOfSatisfying(LedgerImportException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(LedgerImportException.ALREADY_UNDONE));
    }

    @Test
    void undoLeavesCustomersEditedAfterTheImportAndListsThemAsConflicts() {
        ImportResult result = importMessy(DuplicateDecision.SKIP);
        Customer edited = byName("杭州明德诊所").orElseThrow();
        db.transaction(cfg -> repository(cfg).update(admin, io.salesdesk.core.ChangeReason.user(), edited.id(),
                edited.version(), new CustomerDraft(edited.name(), null, Tier.A, null, edited.regionCode(), null,
                        edited.phone(), edited.ownerId()), "杭州明德诊所"));

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::name, UndoResult.Conflict::rowNumber)
                .containsExactly(tuple("杭州明德诊所", 5));
        assertThat(customers()).extracting(Customer::name).containsExactly("杭州明德诊所");
    }

    @Test
    void exportWritesAnEditableLedgerWithFrozenHeaderFilterTierListAndHiddenIdColumns() throws Exception {
        Customer injected = existing("=HYPERLINK(\"http://evil\")", "13800138000");
        Path out = dir.resolve("export.xlsx");

        int rows = customerExport().export(admin, CustomerQuery.all(), out, ImportMonitor.NONE);

        assertThat(rows).isEqualTo(1);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:L");
            assertThat(sheet.getDataValidations()).singleElement()
                    .satisfies(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("A", "B", "C", "D"));
            assertThat(sheet.isColumnHidden(12)).isTrue();
            assertThat(sheet.isColumnHidden(13)).isTrue();
            assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo(injected.id().toString());
            XSSFCell name = sheet.getRow(1).getCell(0);
            assertThat(name.getCellType()).as("never a formula").isEqualTo(CellType.STRING);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void reimportingAnEditedExportUpdatesChangedCellsAndReportsRowsChangedMeanwhileAsConflicts() throws Exception {
        Customer edited = existing("甲医院", "13800138000");
        Customer changedMeanwhile = existing("乙医院", "13800138001");
        existing("丙医院", "13800138002");
        Path exported = dir.resolve("export.xlsx");
        customerExport().export(admin, CustomerQuery.all(), exported, ImportMonitor.NONE);
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            // New cells, as Excel writes an edited cell (POI keeps an inline string's old text otherwise).
            XSSFSheet sheet = workbook.getSheetAt(0);
            rowNamed(sheet, "甲医院").createCell(8).setCellValue("0512-65234567");
            rowNamed(sheet, "甲医院").createCell(2).setCellValue("A");
            rowNamed(sheet, "乙医院").createCell(8).setCellValue("0512-65230000");
            rowNamed(sheet, "丙医院").removeCell(rowNamed(sheet, "丙医院").getCell(3));
            try (OutputStream out = Files.newOutputStream(dir.resolve("edited.xlsx"))) {
                workbook.write(out);
            }
        }
        db.transaction(cfg -> repository(cfg).update(f.li.asActor(), io.salesdesk.core.ChangeReason.user(),
                changedMeanwhile.id(), changedMeanwhile.version(), new CustomerDraft("乙医院", null, Tier.B, "HOSPITAL",
                        null, null, "13900139000", f.li.id()), "乙医院"));

        ImportPreview preview = f.imports.preview(dir.resolve("edited.xlsx"), ImportRequest.of("customers"), admin,
                ImportMonitor.NONE);
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 2, 0, 0, 1));
        assertThat(byName("丙医院").orElseThrow().industry()).as("a cell emptied in Excel clears the field").isNull();
        Customer updated = byName("甲医院").orElseThrow();
        assertThat(updated.id()).isEqualTo(edited.id());
        assertThat(updated.phone()).isEqualTo("0512-65234567");
        assertThat(updated.tier()).isEqualTo(Tier.A);
        assertThat(updated.industry()).isEqualTo("HOSPITAL");
        assertThat(updated.ownerId()).isEqualTo(f.li.id());
        assertThat(byName("乙医院").orElseThrow().phone()).as("not overwritten").isEqualTo("13900139000");
        assertThat(preview.rows()).filteredOn(r -> r.action() == RowAction.CONFLICT)
                .extracting(r -> r.match().existingName()).containsExactly("乙医院");
        assertThat(customers()).hasSize(3);
    }

    @Test
    void reimportingAnUneditedExportChangesNothingEvenForPlaceholderRegionCodes() throws Exception {
        // 331101 is GB/T 2260's "市辖区" of 丽水市: a county-level code whose name is a placeholder.
        for (String region : List.of("331101", "320508", "310101")) {
            db.transaction(cfg -> repository(cfg).insert(admin, io.salesdesk.core.ChangeReason.user(),
                    io.salesdesk.core.Ids.newId(clock), new CustomerDraft("地区" + region, null, Tier.C, "HOSPITAL",
                            region, null, null, f.li.id()), "地区" + region));
        }
        Path exported = dir.resolve("export.xlsx");
        customerExport().export(admin, CustomerQuery.all(), exported, ImportMonitor.NONE);

        ImportPreview preview = f.imports.preview(exported, ImportRequest.of("customers"), admin, ImportMonitor.NONE);
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts().updated()).as("a round trip must not move customers between regions").isZero();
        assertThat(customers()).extracting(Customer::regionCode).containsExactlyInAnyOrder("331101", "320508", "310101");
    }

    @Test
    void anExportOfASelectionWritesOnlyTheSelectedCustomers() throws Exception {
        existing("甲医院", "13800138000");
        Customer chosen = existing("乙医院", "13800138001");
        existing("丙医院", "13800138002");
        Path out = dir.resolve("selection.xlsx");

        int rows = customerExport().export(admin, CustomerQuery.all(), java.util.Set.of(chosen.id()), out,
                ImportMonitor.NONE);

        assertThat(rows).isEqualTo(1);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("乙医院");
        }
    }

    static org.apache.poi.ss.usermodel.Row rowNamed(XSSFSheet sheet, String name) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            if (name.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(name + " not exported");
    }

    ImportResult importMessy(DuplicateDecision onDuplicate) {
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true)
                .withOnDuplicate(onDuplicate), admin, ImportMonitor.NONE);
        return f.imports.commit(preview, admin, ImportMonitor.NONE);
    }

    Customer existing(String name, String phone) {
        return db.transactionResult(cfg -> repository(cfg).insert(admin, io.salesdesk.core.ChangeReason.user(),
                io.salesdesk.core.Ids.newId(clock), new CustomerDraft(name, null, Tier.C, "HOSPITAL", null, null, phone,
                        f.li.id()), io.salesdesk.core.CompanyName.normalise(name)));
    }

    List<Customer> customers() {
        return db.transactionResult(cfg -> repository(cfg).allLive());
    }

    Optional<Customer> byName(String name) {
        return customers().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    CustomerRepository repository(org.jooq.Configuration cfg) {
        return CustomerRepository.using(cfg, clock, f.regions::fullName);
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    static String wrongCheckDigit(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    private CustomerExport customerExport() {
        return new CustomerExport(new CustomerService(db, clock, f.regions), f.regions);
    }
}
