package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityFilter;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.OpportunityLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing and exporting opportunity ledgers (商机) on a real HSQLDB. */
class OpportunityImportHsqldbTest {

    static final List<String> HEADERS = List.of("客户名称", "商机名称", "阶段", "金额(万元)", "预计成交日期", "赢率", "负责人",
            "赢单/输单原因");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    Customer kanghua;
    Customer mingde;
    OpportunityService service;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
        service = new OpportunityService(db, clock);
        kanghua = customer("苏州康华医院", f.wang.id());
        mingde = customer("杭州明德医院", f.li.id());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            客户名称       | customer
            商机名称       | name
            项目名称       | name
            销售阶段       | stage
            金额(万元)     | amount
            预计金额       | amount
            预计成交日期   | expectedCloseOn
            赢率           | probability
            成交概率       | probability
            产品           | products
            负责人         | owner
            赢单/输单原因  | closeReason
            输单原因       | closeReason
            """)
    void opportunityHeadersMapWithoutHelp(String header, String field) {
        assertThat(new ColumnMapper(OpportunityLedger.ENTITY).map(List.of(header)).columns())
                .extracting(MappedColumn::fieldKey).containsExactly(field);
    }

    @Test
    void dealsGoToTheBottomOfTheirStageColumnsInFileOrder() {
        Opportunity onBoard = service.create(admin, new OpportunityDraft(kanghua.id(), "已有报价", null, "QUOTE",
                new BigDecimal("1000"), null, null, null, null));

        ImportResult result = commit(ledger(), DuplicateDecision.SKIP);

        assertThat(result.counts()).isEqualTo(new ImportCounts(4, 0, 0, 0, 0));
        assertThat(column("QUOTE")).extracting(Opportunity::name, Opportunity::amount, Opportunity::ownerId,
                        Opportunity::probability)
                .containsExactly(
                        tuple(onBoard.name(), new BigDecimal("1000.00"), f.wang.id(), 50),
                        tuple("监护仪 20 台", new BigDecimal("125000.00"), f.wang.id(), 50),
                        tuple("彩超 2 台", new BigDecimal("800000.00"), f.wang.id(), 30));
        assertThat(column("INITIAL")).extracting(Opportunity::name, Opportunity::ownerId)
                .as("blank stage is the first one; blank owner the customer's").containsExactly(tuple("呼吸机", f.wang.id()));
        assertThat(column("WON")).extracting(Opportunity::name, Opportunity::closeReason, Opportunity::ownerId)
                .containsExactly(tuple("输液泵", "价格优势", f.li.id()));
        assertThat(column("QUOTE").get(1).expectedCloseOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void unknownStageAndStageRulesAreProblemsOnTheirCells() {
        Path ledger = TestLedgers.xlsx(dir.resolve("bad.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "监护仪", "报价", null, null, null, null, null),
                row("苏州康华医院", "呼吸机", "搁置", 3, null, null, null, null),
                row("苏州康华医院", "彩超", "商务谈判", 3, null, null, null, null),
                row("苏州康华医院", "输液泵", "LOST", null, null, null, null, null),
                row("苏州康华医院", "麻醉机", "需求确认", 2, null, "很高", null, null),
                row("苏州康华医院", "DR", "方案演示", 40, null, "35%", "王一", null)));

        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("opportunities"), admin, ImportMonitor.NONE);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(2, "金额(万元)", "opportunity.stage.amountRequired"),
                        tuple(3, "阶段", "ledger.import.unknownStage"),
                        tuple(4, "预计成交日期", "opportunity.stage.closeDateRequired"),
                        tuple(5, "赢单/输单原因", "opportunity.stage.reasonRequired"),
                        tuple(6, "赢率", "ledger.convert.notANumber"));
        assertThat(preview.problems().get(0).args()).containsExactly("报价", "Quote");
    }

    @Test
    void skipInvalidWritesTheRowsTheStageRulesAccept() {
        Path ledger = TestLedgers.xlsx(dir.resolve("mixed.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "监护仪", "报价", null, null, null, null, null),
                row("苏州康华医院", "DR", "方案演示", 40, null, "35%", "王一", null)));
        ImportPreview preview = f.imports.preview(ledger, ImportRequest.of("opportunities").withSkipInvalid(true),
                admin, ImportMonitor.NONE);

        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(1, 0, 0, 1, 0));
        assertThat(column("SOLUTION")).extracting(Opportunity::name, Opportunity::amount, Opportunity::probability)
                .containsExactly(tuple("DR", new BigDecimal("400000.00"), 35));
        assertThat(column("QUOTE")).isEmpty();
    }

    @Test
    void aDealOnRecordIsUpdatedWhenAskedAndKeepsItsName() {
        commit(ledger(), DuplicateDecision.SKIP);
        Path moved = TestLedgers.xlsx(dir.resolve("moved.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "监护仪20台", "商务谈判", 13, LocalDate.of(2026, 2, 1), null, null, null)));

        ImportResult result = commit(moved, DuplicateDecision.UPDATE);

        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 1, 0, 0, 0));
        assertThat(column("NEGOTIATION")).extracting(Opportunity::name, Opportunity::amount, Opportunity::probability,
                        Opportunity::expectedCloseOn)
                .containsExactly(tuple("监护仪 20 台", new BigDecimal("130000.00"), 70, LocalDate.of(2026, 2, 1)));
        assertThat(column("QUOTE")).extracting(Opportunity::name).containsExactly("彩超 2 台");
    }

    @Test
    void aDealOnRecordIsSkippedByDefault() {
        commit(ledger(), DuplicateDecision.SKIP);

        ImportResult again = commit(ledger(), DuplicateDecision.SKIP);

        assertThat(again.counts()).isEqualTo(new ImportCounts(0, 0, 4, 0, 0));
    }

    @Test
    void undoRemovesTheImportedDeals() {
        ImportResult created = commit(ledger(), DuplicateDecision.SKIP);

        UndoResult undo = f.history.undo(created.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(4);
        assertThat(undo.conflicts()).isEmpty();
        assertThat(service.forCustomer(admin, kanghua.id())).isEmpty();
        assertThat(service.forCustomer(admin, mingde.id())).isEmpty();
    }

    @Test
    void undoPutsAnUpdatedDealBackInItsStageAndPlace() {
        commit(ledger(), DuplicateDecision.SKIP);
        Path moved = TestLedgers.xlsx(dir.resolve("moved.xlsx"), null, HEADERS, List.of(
                row("苏州康华医院", "监护仪 20 台", "商务谈判", 13, LocalDate.of(2026, 2, 1), null, null, null)));
        ImportResult updated = commit(moved, DuplicateDecision.UPDATE);

        UndoResult undo = f.history.undo(updated.batchId(), admin);

        assertThat(undo.restored()).isEqualTo(1);
        assertThat(column("NEGOTIATION")).isEmpty();
        assertThat(column("QUOTE")).extracting(Opportunity::name, Opportunity::amount, Opportunity::probability,
                        Opportunity::expectedCloseOn)
                .containsExactly(tuple("监护仪 20 台", new BigDecimal("125000.00"), 50, LocalDate.of(2026, 3, 1)),
                        tuple("彩超 2 台", new BigDecimal("800000.00"), 30, null));
    }

    @Test
    void undoLeavesADealChangedSinceTheImportAndListsIt() {
        ImportResult created = commit(ledger(), DuplicateDecision.SKIP);
        Opportunity deal = column("INITIAL").get(0);
        service.move(admin, deal.id(), deal.version(), "NEEDS", null, null, null);

        UndoResult undo = f.history.undo(created.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(3);
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::entityId, UndoResult.Conflict::name)
                .containsExactly(tuple(deal.id(), "呼吸机"));
    }

    @Test
    void anEditedExportUpdatesOnlyTheEditedDealAndReportsOneChangedSince() throws IOException {
        commit(ledger(), DuplicateDecision.SKIP);
        Path exported = dir.resolve("商机导出.xlsx");
        int rows = f.entities.exportTarget("opportunities").export(admin, CustomerQuery.all(), exported,
                ImportMonitor.NONE);
        Opportunity changedSince = column("WON").get(0);
        service.update(admin, changedSince.id(), changedSince.version(), new OpportunityDraft(
                changedSince.customerId(), changedSince.name(), changedSince.ownerId(), "WON",
                changedSince.amount(), null, null, "改了", "价格优势，服务好"));
        setCell(exported, "监护仪 20 台", "金额", 150000);

        ImportResult result = commit(exported, DuplicateDecision.SKIP);

        assertThat(rows).isEqualTo(4);
        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 1, 2, 0, 1));
        assertThat(column("QUOTE")).extracting(Opportunity::name, Opportunity::amount)
                .containsExactly(tuple("监护仪 20 台", new BigDecimal("150000.00")),
                        tuple("彩超 2 台", new BigDecimal("800000.00")));
        assertThat(column("WON").get(0).closeReason()).isEqualTo("价格优势，服务好");
    }

    /**
     * A ledger with a title row: two quotes (万元), a deal with no stage or owner, a won deal of
     * another customer; 彩超 is worked by 王一 although 明德 is 李二's customer.
     */
    Path ledger() {
        return TestLedgers.xlsx(dir.resolve("商机台账.xlsx"), "2026年商机台账", HEADERS, List.of(
                row("苏州康华医院", "监护仪 20 台", "报价", 12.5, LocalDate.of(2026, 3, 1), null, null, null),
                row("苏州康华医院", "呼吸机", null, null, null, null, null, null),
                row("杭州明德医院", "彩超 2 台", "Quote", 80, null, "30%", "王一", null),
                row("杭州明德医院", "输液泵", "赢单", 3, null, null, null, "价格优势")));
    }

    ImportResult commit(Path ledger, DuplicateDecision onDuplicate) {
        ImportPreview preview = f.imports.preview(ledger,
                ImportRequest.of("opportunities").withOnDuplicate(onDuplicate), admin, ImportMonitor.NONE);
        assertThat(preview.problems()).isEmpty();
        return f.imports.commit(preview, admin, ImportMonitor.NONE);
    }

    List<Opportunity> column(String stage) {
        return db.transactionResult(cfg -> OpportunityRepository.using(cfg, clock)
                .column(admin, stage, OpportunityFilter.all(), 100));
    }

    Customer customer(String name, java.util.UUID ownerId) {
        return db.transactionResult(cfg -> CustomerRepository.using(cfg, clock, f.regions::fullName).insert(admin,
                ChangeReason.user(), Ids.newId(clock), new CustomerDraft(name, null, Tier.A, null, null, null, null,
                        ownerId), CompanyName.normalise(name)));
    }

    /** Edits one cell of an exported ledger as a user would in Excel. */
    static void setCell(Path file, String dealName, String header, double value) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headers = sheet.getRow(0);
            int column = -1;
            for (int c = 0; c < headers.getLastCellNum(); c++) {
                if (header.equals(headers.getCell(c).getStringCellValue())) {
                    column = c;
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (dealName.equals(row.getCell(1).getStringCellValue())) {
                    row.getCell(column).setCellValue(value);
                }
            }
            try (OutputStream out = Files.newOutputStream(file.resolveSibling("edited.tmp"))) {
                workbook.write(out);
            }
        }
        Files.move(file.resolveSibling("edited.tmp"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
