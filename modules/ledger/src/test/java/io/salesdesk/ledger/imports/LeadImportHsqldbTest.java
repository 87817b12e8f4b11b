package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.map.ColumnMapper;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.LeadLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing lead ledgers (线索) on a real HSQLDB. */
class LeadImportHsqldbTest {

    static final List<String> HEADERS = List.of("公司", "联系人", "手机", "地址", "区域", "行业", "客户等级", "线索来源", "备注");

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    Lead onRecord;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
        onRecord = lead("无锡惠民医院", "13600000000");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            名称     | name
            公司     | name
            客户名称 | name
            联系人   | contactName
            电话     | phone
            手机     | phone
            地址     | address
            区域     | region
            地区     | region
            行业     | industry
            等级     | tier
            客户等级 | tier
            来源     | source
            线索来源 | source
            备注     | note
            """)
    void leadHeadersMapWithoutHelp(String header, String field) {
        assertThat(new ColumnMapper(LeadLedger.ENTITY).map(List.of(header)).columns())
                .extracting(MappedColumn::fieldKey).containsExactly(field);
    }

    @Test
    void aMessyLeadLedgerImportsItsGoodRowsAndPutsEachProblemOnItsCell() {
        ImportPreview preview = preview(messyLedger(), DuplicateDecision.SKIP);

        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(6, "手机", "lead.phone.invalid"),
                        tuple(7, "公司", "ledger.convert.required"),
                        tuple(9, "区域", "lead.region.unknown"));
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        assertThat(result.counts()).as("2 created, the repeated row and the known phone skipped, 3 invalid")
                .isEqualTo(new ImportCounts(2, 0, 2, 3, 0));
        assertThat(column()).extracting(Lead::name, Lead::phone, Lead::regionCode, Lead::tier, Lead::source,
                        Lead::industry, Lead::ownerId)
                .as("first row of the file on top, above the lead already on the board")
                .containsExactly(
                        tuple("苏州康华医院", "13812345678", "320508", Tier.A, "展会", "HOSPITAL", null),
                        tuple("杭州明德诊所", "13900001111", "330100", null, "导入", "CLINIC", null),
                        tuple("无锡惠民医院", "13600000000", null, null, "官网", null, null));
    }

    @Test
    void aRowRepeatingAnEarlierRowOrALeadOnRecordIsADuplicate() {
        ImportPreview preview = preview(messyLedger(), DuplicateDecision.SKIP);

        assertThat(preview.rows()).filteredOn(r -> r.match() != null)
                .extracting(ImportRow::rowNumber, r -> r.match().kind(), r -> r.match().inFile())
                .containsExactly(tuple(8, MatchKind.NAME, true), tuple(10, MatchKind.PHONE, false));
        assertThat(preview.rows().get(6).match().existingId()).isEqualTo(onRecord.id());
    }

    @Test
    void updatingADuplicateWritesTheRowOverTheLeadAndUndoPutsItBack() {
        ImportPreview preview = preview(messyLedger(), DuplicateDecision.UPDATE);
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);
        assertThat(result.counts().updated()).as("the repeated row and the row matching the lead on record")
                .isEqualTo(2);
        Lead updated = find(onRecord);
        assertThat(updated).extracting(Lead::name, Lead::contactName, Lead::address, Lead::source)
                .as("the name as written stays; the row's own values go over the lead's")
                .containsExactly("无锡惠民医院", "钱院长", "江苏省无锡市梁溪区中山路5号", "官网");
        assertThat(column()).extracting(Lead::name).containsExactly("苏州康华医院", "杭州明德诊所", "无锡惠民医院");
        assertThat(column().get(0).address()).as("the repeated row is merged into the first")
                .isEqualTo("江苏省苏州市姑苏区人民路 1 号");
        assertThat(column().get(0).note()).isEqualTo("要两台");

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(find(onRecord).toDraft()).isEqualTo(onRecord.toDraft());
    }

    @Test
    void undoRemovesTheImportedLeads() {
        ImportResult result = f.imports.commit(preview(messyLedger(), DuplicateDecision.SKIP), admin,
                ImportMonitor.NONE);

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(2);
        assertThat(undo.conflicts()).isEmpty();
        assertThat(column()).extracting(Lead::name).containsExactly("无锡惠民医院");
    }

    @Test
    void undoLeavesALeadARepHasWorkedSinceAndListsIt() {
        ImportResult result = f.imports.commit(preview(messyLedger(), DuplicateDecision.SKIP), admin,
                ImportMonitor.NONE);
        Lead kanghua = column().get(0);
        db.transaction(cfg -> LeadRepository.using(cfg, clock).update(admin, ChangeReason.user(), kanghua.id(),
                kanghua.version(), l -> l.withDraft(new LeadDraft(kanghua.name(), "张主任", kanghua.phone(),
                        kanghua.address(), kanghua.regionCode(), kanghua.industry(), kanghua.tier(), kanghua.source(),
                        kanghua.note()))));

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.removed()).isEqualTo(1);
        assertThat(undo.conflicts()).extracting(UndoResult.Conflict::name).containsExactly("苏州康华医院");
    }

    @Test
    void anExportedLeadLedgerEditedInExcelUpdatesTheSameLeadsOnImport() throws Exception {
        f.imports.commit(preview(messyLedger(), DuplicateDecision.SKIP), admin, ImportMonitor.NONE);
        Path exported = dir.resolve("线索导出.xlsx");
        int rows = f.entities.exportTarget("leads").export(admin, io.salesdesk.crm.CustomerQuery.all(), exported,
                ImportMonitor.NONE);
        assertThat(rows).isEqualTo(3);
        editNote(exported, "杭州明德诊所", "下周二上门演示");

        ImportPreview back = preview(exported, DuplicateDecision.UPDATE);
        assertThat(back.problems()).isEmpty();
        ImportResult result = f.imports.commit(back, admin, ImportMonitor.NONE);

        assertThat(result.counts().created()).as("every row matches the lead it came from").isZero();
        assertThat(column()).hasSize(3).filteredOn(l -> l.name().equals("杭州明德诊所")).singleElement()
                .satisfies(l -> {
                    assertThat(l.note()).isEqualTo("下周二上门演示");
                    assertThat(l.regionCode()).as("the region name written out reads back as the same code")
                            .isEqualTo("330100");
                    assertThat(l.industry()).isEqualTo("CLINIC");
                });
    }

    /** Changes one lead's 备注 as a user would in Excel. */
    static void editNote(Path file, String leadName, String note) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file);
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheetAt(0);
            var headers = sheet.getRow(0);
            int column = -1;
            for (int c = 0; c < headers.getLastCellNum(); c++) {
                if ("备注".equals(headers.getCell(c).getStringCellValue())) {
                    column = c;
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (leadName.equals(row.getCell(0).getStringCellValue())) {
                    row.createCell(column).setCellValue(note);
                }
            }
            try (var out = java.nio.file.Files.newOutputStream(file.resolveSibling("edited.tmp"))) {
                workbook.write(out);
            }
        }
        java.nio.file.Files.move(file.resolveSibling("edited.tmp"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void onlyManagersImportLeads() {
        assertThat(f.entities.importKeys(f.wang.asActor())).doesNotContain("leads");
        assertThat(f.entities.importKeys(f.manager.asActor())).contains("leads");
        assertThatThrownBy(() -> preview(messyLedger(), DuplicateDecision.SKIP, f.wang.asActor()))
                .isInstanceOf(LedgerImportException.class);
    }

    // A trade-fair list: a title row, Chinese headers, phones typed with spaces and dashes.
    Path messyLedger() {
        return TestLedgers.xlsx(dir.resolve("leads.xlsx"), "2026 秋季医疗器械展 线索", HEADERS, List.of(
                row("苏州康华医院", "张医生", "138 1234 5678", "江苏省苏州市姑苏区人民路 1 号", null, "医院", "A", "展会", null),
                row("杭州明德诊所", "李护士", "139-0000-1111", "文一西路 8 号", "杭州市", "诊所", null, null, null),
                row("南京仁爱医院", "王主任", "12345", "江苏省南京市鼓楼区", null, null, null, null, null),
                row(null, "赵经理", "13700001111", "上海市浦东新区", null, null, null, null, null),
                row("苏州 康华医院", null, null, null, null, null, null, null, "要两台"),
                row("常州武进医院", null, null, null, "火星", null, null, null, null),
                row("惠民医院（无锡）", "钱院长", "136 0000 0000", "江苏省无锡市梁溪区中山路5号", null, null, null, null,
                        null)));
    }

    ImportPreview preview(Path ledger, DuplicateDecision onDuplicate) {
        return preview(ledger, onDuplicate, admin);
    }

    ImportPreview preview(Path ledger, DuplicateDecision onDuplicate, Actor actor) {
        return f.imports.preview(ledger, ImportRequest.of("leads").withOnDuplicate(onDuplicate).withSkipInvalid(true),
                actor, ImportMonitor.NONE);
    }

    List<Lead> column() {
        return db.transactionResult(cfg -> LeadRepository.using(cfg, clock).column(admin, LeadStatus.NEW, 100));
    }

    Lead find(Lead lead) {
        return db.transactionResult(cfg -> LeadRepository.using(cfg, clock).findAny(lead.id()).orElseThrow());
    }

    Lead lead(String name, String phone) {
        return db.transactionResult(cfg -> {
            LeadRepository leads = LeadRepository.using(cfg, clock);
            var id = Ids.newId(clock);
            leads.insertAll(admin, ChangeReason.user(), List.of(new LeadRepository.NewLead(id,
                    new LeadDraft(name, null, phone, null, null, null, null, "官网", null), LeadStatus.NEW, null, null,
                    null, null, BoardRank.first(), null)));
            return leads.findAny(id).orElseThrow();
        });
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
