package io.salesdesk.studio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.crm.CrmLedgers;
import io.salesdesk.ledger.imports.ImportHistory;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPreview;
import io.salesdesk.ledger.imports.ImportRequest;
import io.salesdesk.ledger.imports.ImportResult;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.ledger.imports.LedgerImport;
import io.salesdesk.ledger.imports.TestLedgers;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom fields in Excel ledgers on a real database: columns mapped by the fields' labels, cells checked
 * like the form checks them, defaults and required fields on new customers, and a round trip through an
 * exported ledger whose only edit is a custom column, undone afterwards.
 */
class CustomFieldLedgerTest {

    @TempDir
    Path dir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService studio;
    LedgerEntities entities;
    LedgerImport imports;
    ImportHistory history;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));
    CustomField beds;
    CustomField grade;
    CustomField engineer;
    CustomField rivals;

    @BeforeEach
    void setUp() {
        db = open(dir);
        f = new SalesOrgFixture(db, clock);
        studio = new CustomFieldService(db, clock);
        Actor manager = f.zjManager.asActor();
        beds = studio.define(manager, CustomEntity.CUSTOMER,
                new CustomFieldDraft("床位数", "bed_count", FieldType.NUMBER, List.of(), false, null, null));
        grade = studio.define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", "grade",
                FieldType.SINGLE_CHOICE, List.of("三甲", "三乙", "二甲"), true, "二甲", null));
        engineer = studio.define(manager, CustomEntity.CUSTOMER,
                new CustomFieldDraft("技术对接人", "engineer", FieldType.USER, List.of(), false, null, null));
        rivals = studio.define(manager, CustomEntity.CUSTOMER, new CustomFieldDraft("竞争对手", "rivals",
                FieldType.MULTI_CHOICE, List.of("西门子", "GE", "飞利浦"), false, null, null));
        UserService users = new UserService(db, clock);
        entities = CustomFieldLedgers.withCustomFields(CrmLedgers.of(db, clock, f.regions, users, f.customers),
                studio, users, f.regions, clock);
        imports = new LedgerImport(db, clock, entities.importTargets());
        history = new ImportHistory(db, clock, entities.importTargets());
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
    void customColumnsAreMappedByTheirLabelsAndWrittenWithTheCustomers() {
        Path ledger = TestLedgers.xlsx(dir.resolve("医院台账.xlsx"), "2026 医院客户台账",
                List.of("客户名称", "负责人", "床位数", "医院等级", "技术对接人", "竞争对手"),
                List.of(Arrays.asList("杭州市第一人民医院", "王一", 1200, "三甲", "李二", "GE、西门子"),
                        Arrays.asList("杭州市中医院", "王一", null, null, "li", null)));

        ImportPreview preview = preview(ledger, false);
        assertThat(preview.mapping().columns()).extracting(c -> c.fieldKey())
                .contains("custom.bed_count", "custom.grade", "custom.engineer", "custom.rivals");
        assertThat(preview.problems()).isEmpty();
        ImportResult result = imports.commit(preview, f.zjManager.asActor(), ImportMonitor.NONE);

        assertThat(result.counts().created()).isEqualTo(2);
        assertThat(valuesOf("杭州市第一人民医院")).containsOnly(entry("bed_count", "1200"), entry("grade", "三甲"),
                entry("engineer", f.li.id().toString()), entry("rivals", "西门子\nGE"));
        // A blank required choice takes the field's default; the engineer was given by login.
        assertThat(valuesOf("杭州市中医院")).containsOnly(entry("grade", "二甲"),
                entry("engineer", f.li.id().toString()));
    }

    @Test
    void badCustomCellsAreReportedOnTheirColumnAndSkippedRowsWriteNothing() {
        studio.update(f.zjManager.asActor(), grade.id(), grade.version(), new CustomFieldDraft("医院等级", "grade",
                FieldType.SINGLE_CHOICE, List.of("三甲", "三乙", "二甲"), true, null, null));
        Path ledger = TestLedgers.xlsx(dir.resolve("台账.xlsx"), null,
                List.of("客户名称", "负责人", "床位数", "医院等级", "技术对接人"),
                List.of(Arrays.asList("甲医院", "王一", "很多", "三甲", null),
                        Arrays.asList("乙医院", "王一", 300, "四甲", null),
                        Arrays.asList("丙医院", "王一", 300, null, "不存在的人"),
                        Arrays.asList("丁医院", "王一", 300, "三乙", "王一")));

        ImportPreview preview = preview(ledger, true);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2, "床位数", "ledger.convert.notANumber"),
                        org.assertj.core.groups.Tuple.tuple(3, "医院等级", "ledger.convert.unknownEnumValue"),
                        org.assertj.core.groups.Tuple.tuple(4, "医院等级", "studio.value.required"),
                        org.assertj.core.groups.Tuple.tuple(4, "技术对接人", "studio.value.user"));
        ImportResult result = imports.commit(preview, f.zjManager.asActor(), ImportMonitor.NONE);
        assertThat(result.counts().created()).isEqualTo(1);
        assertThat(customers()).extracting(c -> c.name()).containsExactly("丁医院");
        assertThat(valuesOf("丁医院")).containsOnly(entry("bed_count", "300"), entry("grade", "三乙"),
                entry("engineer", f.wang.id().toString()));
    }

    @Test
    void anExportEditedOnlyInACustomColumnUpdatesThatValueAndUndoTakesItBack() throws IOException {
        UUID hospital = f.customer(f.wang, "杭州市第一人民医院", io.salesdesk.crm.Tier.A, SalesOrgFixture.XIHU, null);
        UUID clinic = f.customer(f.wang, "西湖区社区卫生服务中心", io.salesdesk.crm.Tier.B, SalesOrgFixture.XIHU, null);
        Actor wang = f.wang.asActor();
        studio.setValues(wang, CustomEntity.CUSTOMER, hospital, Map.of("bed_count", "1200", "grade", "三甲",
                "engineer", f.li.id().toString(), "rivals", "GE"));
        studio.setValues(wang, CustomEntity.CUSTOMER, clinic, Map.of("bed_count", "40", "grade", "二甲"));
        f.customers.reloadList();
        Path exported = dir.resolve("客户.xlsx");
        entities.exportTarget("customers").export(wang, CustomerQuery.all(), exported, ImportMonitor.NONE);
        assertThat(headers(exported)).containsSubsequence("下次跟进", "床位数", "医院等级", "技术对接人", "竞争对手",
                "SalesDesk ID");
        assertThat(cell(exported, "杭州市第一人民医院", "技术对接人")).isEqualTo("李二");

        setCell(exported, "杭州市第一人民医院", "床位数", 1500);
        ImportPreview preview = preview(exported, false);
        ImportResult result = imports.commit(preview, wang, ImportMonitor.NONE);

        assertThat(result.counts().updated()).isEqualTo(1);
        assertThat(result.counts().skipped()).isEqualTo(1);
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsEntry("bed_count", "1500")
                .containsEntry("engineer", f.li.id().toString()).containsEntry("rivals", "GE");
        assertThat(studio.values(CustomEntity.CUSTOMER, clinic)).containsEntry("bed_count", "40");

        UndoResult undo = history.undo(result.batchId(), wang);

        assertThat(undo.conflicts()).isEmpty();
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsEntry("bed_count", "1200");
    }

    @Test
    void undoLeavesACustomValueChangedSinceTheImportAndSaysSo() throws IOException {
        UUID hospital = f.customer(f.wang, "杭州市第一人民医院", io.salesdesk.crm.Tier.A, SalesOrgFixture.XIHU, null);
        Actor wang = f.wang.asActor();
        studio.setValues(wang, CustomEntity.CUSTOMER, hospital, Map.of("bed_count", "1200", "grade", "三甲"));
        f.customers.reloadList();
        Path exported = dir.resolve("客户.xlsx");
        entities.exportTarget("customers").export(wang, CustomerQuery.all(), exported, ImportMonitor.NONE);
        setCell(exported, "杭州市第一人民医院", "床位数", 1500);
        ImportResult result = imports.commit(preview(exported, false), wang, ImportMonitor.NONE);
        studio.setValues(wang, CustomEntity.CUSTOMER, hospital, Map.of("bed_count", "1600"));

        UndoResult undo = history.undo(result.batchId(), wang);

        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::entityId).containsExactly(hospital);
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsEntry("bed_count", "1600");
    }

    private ImportPreview preview(Path ledger, boolean skipInvalid) {
        return imports.preview(ledger, ImportRequest.of("customers").withSkipInvalid(skipInvalid),
                f.zjManager.asActor(), ImportMonitor.NONE);
    }

    private Map<String, String> valuesOf(String customerName) {
        UUID id = customers().stream().filter(c -> c.name().equals(customerName)).findFirst().orElseThrow().id();
        return studio.values(CustomEntity.CUSTOMER, id);
    }

    private List<io.salesdesk.crm.Customer> customers() {
        f.customers.reloadList();
        return f.customers.page(f.zjManager.asActor(), CustomerQuery.all(), 0, 100);
    }

    private static List<String> headers(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> headers = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            return headers;
        }
    }

    private static String cell(Path file, String customer, String header) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            return rowOf(sheet, customer).getCell(headers(file).indexOf(header)).getStringCellValue();
        }
    }

    private static void setCell(Path file, String customer, String header, double value) throws IOException {
        int column = headers(file).indexOf(header);
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            rowOf(workbook.getSheetAt(0), customer).getCell(column).setCellValue(value);
            workbook.write(out);
        }
    }

    private static Row rowOf(Sheet sheet, String customer) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && customer.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + customer);
    }
}
