package io.salesdesk.insight.report;

import static io.salesdesk.insight.report.ReportFixture.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.insight.report.DailyReport.AlertKind;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportServiceTest {

    @TempDir
    Path dir;

    private Database db;
    private ReportFixture fixture;
    private DailyReportService service;

    /** The database the tests run on; the PostgreSQL variant overrides it. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dir.resolve("db"));
        fixture = new ReportFixture(db).build();
        service = new DailyReportService(db, fixture.clock, dir.resolve("reports"), Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private DailyReport companyReport() {
        return service.compute(fixture.org.admin.asActor(), ReportPeriod.day(DAY), service.scope(fixture.org.admin.asActor(), null));
    }

    @Test
    void followUpsCountEachKindPerRepInTheCompanyZoneAndTouchesOnlyCustomersReachedInPerson() {
        DailyReport report = companyReport();
        assertThat(report.activities())
                .extracting(a -> a.rep(), a -> a.calls(), a -> a.visits(), a -> a.meetings(), a -> a.notes(), a -> a.total(),
                        a -> a.effectiveTouches())
                .containsExactlyInAnyOrder(tuple("王一", 1, 1, 0, 1, 3, 1), tuple("李二", 0, 0, 0, 0, 0, 0),
                        tuple("张三", 0, 0, 1, 0, 1, 1));
        assertThat(report.activityTotal()).isEqualTo(4);
    }

    @Test
    void newLeadsOfTheDayWithResponseFiguresAndTheUnassignedOneInTheCompanyReport() {
        DailyReport report = companyReport();
        assertThat(report.leads()).extracting(DailyReport.NewLead::name).containsExactly("线索甲", "线索乙", "线索丙");
        assertThat(report.leadTotals()).isEqualTo(new DailyReport.LeadTotals(3, 1, 1, 20, 20));
    }

    @Test
    void stageMovesComeFromTheChangeLogOfTheDayOnly() {
        DailyReport report = companyReport();
        assertThat(report.stageMoves()).extracting(m -> m.opportunity(), m -> m.fromStageName(), m -> m.toStageName(),
                m -> m.owner()).containsExactly(tuple("监护仪采购", "初步接洽", "需求确认", "王一"));
    }

    @Test
    void approvalsWaitingAtTheEndOfTheDayWithHoursWaitedAndOverdueStep() {
        DailyReport report = companyReport();
        assertThat(report.approvals()).extracting(a -> a.title(), a -> a.step(), a -> a.waitingHours(), a -> a.overdue())
                .containsExactly(tuple("合同：杭州第一医院 监护仪", "财务审批", 62L, true));
    }

    @Test
    void collectionsOverdueAndDueWithinAWeekWithOutstandingAmounts() {
        DailyReport report = companyReport();
        assertThat(report.collections()).extracting(c -> c.outstanding(), c -> c.daysOverdue())
                .containsExactly(tuple(new BigDecimal("600.00"), 10L), tuple(new BigDecimal("500.00"), -3L));
        assertThat(report.overdueOutstanding()).isEqualByComparingTo("600.00");
    }

    @Test
    void alertsGatherEscalationsFreezesAndSurgesOfTheDay() {
        DailyReport report = companyReport();
        assertThat(report.alerts()).extracting(a -> a.kind(), a -> a.subject())
                .containsExactly(tuple(AlertKind.SURGE, "330100"), tuple(AlertKind.ESCALATION, "杭州第一医院"),
                        tuple(AlertKind.FREEZE, "苏州检验所 · 监护仪"));
    }

    @Test
    void teamLinesAddUpTheirPeople() {
        DailyReport report = companyReport();
        assertThat(report.teams()).extracting(t -> t.team(), t -> t.reps(), t -> t.activities(), t -> t.newLeads(),
                        t -> t.stageMoves(), t -> t.approvalsWaiting())
                .contains(tuple("浙江大区", 2, 3, 2, 1, 1), tuple("江苏大区", 1, 1, 0, 0, 0));
    }

    @Test
    void aTeamReportKeepsToTheTeamAndLeavesOutUnassignedLeadsAndSurges() {
        var manager = fixture.org.zjManager.asActor();
        ReportScope zhejiang = service.scope(manager, "浙江大区");
        DailyReport report = service.compute(manager, ReportPeriod.day(DAY), zhejiang);
        assertThat(report.activities()).extracting(DailyReport.RepActivity::rep).containsExactlyInAnyOrder("王一", "李二");
        assertThat(report.leadTotals().count()).isEqualTo(2);
        assertThat(report.alerts()).extracting(DailyReport.Alert::kind).containsExactly(AlertKind.ESCALATION);
        assertThatThrownBy(() -> service.scope(manager, "江苏大区")).isInstanceOf(ReportException.class)
                .hasMessageContaining("浙江大区");
    }

    @Test
    void aRepSeesOnlyTheirOwnLines() {
        DailyReport report = service.compute(fixture.org.li.asActor(), ReportPeriod.day(DAY),
                service.scope(fixture.org.li.asActor(), "浙江大区"));
        assertThat(report.activities()).extracting(DailyReport.RepActivity::rep).containsExactly("李二");
        assertThat(report.stageMoves()).isEmpty();
    }

    @Test
    void anEmptyDayIsAReportWithZerosAndNoData() throws Exception {
        DailyReport report = service.compute(fixture.org.admin.asActor(), ReportPeriod.day(DAY.minusDays(30)),
                service.scope(fixture.org.admin.asActor(), null));
        assertThat(report.leads()).isEmpty();
        assertThat(report.leadTotals()).isEqualTo(new DailyReport.LeadTotals(0, 0, 0, null, null));
        assertThat(new ReportSections(new ReportTexts(Locale.SIMPLIFIED_CHINESE)).leadTotalsLine(report.leadTotals()))
                .contains("平均响应 — 分钟").doesNotContain("NaN");
    }

    @Test
    void theWorkbookHasASheetPerSectionWithChineseHeadersAndNumbersReadBack() throws Exception {
        Path file = service.write(companyReport(), dir.resolve("日报.xlsx"), Locale.SIMPLIFIED_CHINESE);
        try (InputStream in = Files.newInputStream(file); Workbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
            assertThat(book.getSheetName(1)).isEqualTo("跟进情况");
            Sheet follow = book.getSheet("跟进情况");
            assertThat(follow.getRow(0).getCell(0).getStringCellValue()).isEqualTo("销售");
            assertThat(follow.getRow(0).getCell(8).getStringCellValue()).isEqualTo("有效触达客户数");
            Sheet collections = book.getSheet("回款到期");
            assertThat(collections.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(600.0);
            assertThat(collections.getRow(1).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(collections.getColumnWidth(0)).isGreaterThan(20 * 256);
            Sheet leads = book.getSheet("新增线索");
            assertThat(leads.getRow(3).getCell(2).getStringCellValue()).isEqualTo("未分配");
        }
    }

    @Test
    void thePdfCarriesTheChineseText() throws Exception {
        assumeTrue(CjkFont.isAvailable(), "no Chinese font on this machine (.ci/run installs fonts-noto-cjk)");
        Path file = service.write(companyReport(), dir.resolve("日报.pdf"), Locale.SIMPLIFIED_CHINESE);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("销售日报", "跟进情况", "王一", "监护仪采购", "需求确认", "财务审批", "600.00");
        }
        assertThat(Files.size(file)).as("the font is embedded as a subset").isLessThan(2_000_000);
    }

    @Test
    void anUnknownExtensionSaysWhichToUse() {
        assertThatThrownBy(() -> service.write(companyReport(), dir.resolve("report.docx"), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(ReportException.class).hasMessageContaining(".xlsx").hasMessageContaining(".pdf");
    }

    @Test
    void theScheduleMakesTheReportOnceAfterItsTimeAndSendsItToTheRecipients() {
        assumeTrue(CjkFont.isAvailable(), "no Chinese font on this machine (.ci/run installs fonts-noto-cjk)");
        service.saveSchedule(fixture.org.admin.asActor(),
                new ReportSchedule(true, LocalTime.of(10, 30), List.of(fixture.org.zjManager.id()), false, false));
        assertThat(service.runDue()).as("before 10:30").isEmpty();
        fixture.clock.advance(Duration.ofMinutes(45));
        List<DailyReportRun> made = service.runDue();
        assertThat(made).singleElement().satisfies(run -> {
            assertThat(run.firstDay()).isEqualTo(DAY);
            assertThat(run.status()).isEqualTo(DailyReportRun.Status.DONE);
            assertThat(Path.of(run.xlsxPath())).exists().startsWith(dir.resolve("reports"));
            assertThat(Path.of(run.pdfPath())).exists();
            assertThat(run.sentCount()).isEqualTo(1);
            assertThat(run.summary()).contains("跟进 4 次");
        });
        fixture.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDue()).as("once a day").isEmpty();
        assertThat(service.runs(10)).hasSize(1);
    }

    @Test
    void onMondayTheReportCoversTheWeekend() {
        var calendar = io.salesdesk.workflow.sla.WorkingCalendar.standard();
        assertThat(ReportPeriod.before(java.time.LocalDate.of(2026, 11, 30), calendar))
                .isEqualTo(new ReportPeriod(java.time.LocalDate.of(2026, 11, 27), java.time.LocalDate.of(2026, 11, 29)));
        assertThat(ReportPeriod.before(DAY.plusDays(1), calendar)).isEqualTo(ReportPeriod.day(DAY));
    }
}
