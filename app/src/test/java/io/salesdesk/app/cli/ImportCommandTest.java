package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk import}, {@code imports} and {@code export} as a user types them. */
class ImportCommandTest {

    @TempDir
    Path dir;

    Path ledger;
    StringWriter out;

    @BeforeEach
    void setUp() throws Exception {
        assertThat(run("--data-dir", dir.resolve("data").toString(), "demo", "--customers", "20")).isZero();
        ledger = dir.resolve("客户台账.csv");
        Files.writeString(ledger, """
                2025年客户台账,,
                ,,
                客户名称,联系电话,地址
                命令行测试医院,0512 6523 4567,江苏省苏州市姑苏区人民路1号
                命令行坏电话公司,12345,南京市
                """, StandardCharsets.UTF_8);
    }

    @Test
    void errorsBlockTheImportWithASummaryAnErrorReportAndExitCode1() {
        int exit = run("--data-dir", dir.resolve("data").toString(), "import", ledger.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("第 5 行 B 列“联系电话”：“12345”不是有效电话号码").contains("未导入任何数据");
        assertThat(dir.resolve("客户台账.errors.xlsx")).exists();
    }

    @Test
    void skipInvalidImportsTheValidRowsAndUndoTakesThemBack() {
        String data = dir.resolve("data").toString();
        assertThat(run("--data-dir", data, "import", ledger.toString(), "--skip-invalid")).isZero();
        assertThat(out.toString()).contains("新建 1，更新 0，跳过重复 0，有错误 1，冲突 0");
        Matcher batch = Pattern.compile("批次 ([0-9a-f-]{36})").matcher(out.toString());
        assertThat(batch.find()).isTrue();

        assertThat(run("--data-dir", data, "imports")).isZero();
        assertThat(out.toString()).contains(batch.group(1)).contains("客户台账.csv").contains("已导入");

        assertThat(run("--data-dir", data, "import", "--undo", batch.group(1))).isZero();
        assertThat(out.toString()).contains("删除新建记录 1 条");
    }

    @Test
    void aLedgerOverTheRowLimitIsRefusedAndNothingIsWritten() {
        String data = dir.resolve("data").toString();
        assertThat(run("--data-dir", data, "import", ledger.toString(), "--skip-invalid", "--max-rows", "3"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("超过行数上限 3");

        run("--data-dir", data, "imports");
        assertThat(out.toString()).contains("还没有导入记录");
    }

    @Test
    void dryRunWritesNothing() {
        String data = dir.resolve("data").toString();
        assertThat(run("--data-dir", data, "import", ledger.toString(), "--skip-invalid", "--dry-run")).isZero();
        assertThat(out.toString()).contains("试运行");

        run("--data-dir", data, "imports");
        assertThat(out.toString()).contains("还没有导入记录");
    }

    @Test
    void exportWritesTheFilteredCustomers() {
        Path file = dir.resolve("客户.xlsx");
        assertThat(run("--data-dir", dir.resolve("data").toString(), "export", "--entity", "customers", "--out",
                file.toString())).isZero();
        assertThat(out.toString()).contains("已导出客户 20 条");
        assertThat(file).exists();
    }

    @Test
    void contactsImportByCustomerNameEndToEndAndUndo() throws Exception {
        String data = dir.resolve("data").toString();
        Path customers = dir.resolve("customers.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "customers", "--out", customers.toString())).isZero();
        String customerName;
        try (var in = Files.newInputStream(customers);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            customerName = workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
        }
        Path contacts = dir.resolve("联系人.csv");
        Files.writeString(contacts, "客户名称,联系人,职务,手机,主要联系人\n"
                + customerName + ",命令行测试联系人,设备科科长,139 0013 9000,是\n"
                + "不存在的客户,某人,,,\n", StandardCharsets.UTF_8);

        assertThat(run("--data-dir", data, "import", contacts.toString(), "--entity", "contacts", "--skip-invalid"))
                .isZero();
        assertThat(out.toString()).contains("新建 1，更新 0，跳过重复 0，有错误 1，冲突 0")
                .contains("找不到客户“不存在的客户”");
        Matcher batch = Pattern.compile("批次 ([0-9a-f-]{36})").matcher(out.toString());
        assertThat(batch.find()).isTrue();

        Path exported = dir.resolve("联系人导出.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "contacts", "--search", customerName, "--out",
                exported.toString())).isZero();
        try (var in = Files.newInputStream(exported);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
                    .map(r -> r.getCell(1) == null ? "" : r.getCell(1).getStringCellValue()))
                    .contains("命令行测试联系人");
        }

        assertThat(run("--data-dir", data, "import", "--undo", batch.group(1))).isZero();
        assertThat(out.toString()).contains("删除新建记录 1 条");
    }

    @Test
    void leadsImportAndAreDispatchedAtOnce() throws Exception {
        String data = dir.resolve("data").toString();
        Path leads = dir.resolve("展会线索.csv");
        Files.writeString(leads, "公司,联系人,手机,地址\n"
                + "命令行线索医院,周医生,138 0013 8000,江苏省苏州市姑苏区人民路 9 号\n"
                + "号码不对的医院,吴医生,12345,\n", StandardCharsets.UTF_8);

        assertThat(run("--data-dir", data, "import", leads.toString(), "--entity", "leads", "--skip-invalid"))
                .isZero();
        assertThat(out.toString()).contains("新建 1，更新 0，跳过重复 0，有错误 1，冲突 0")
                .contains("新线索已分派：");
    }

    @Test
    void opportunitiesImportWithStageRulesAndExportBack() throws Exception {
        String data = dir.resolve("data").toString();
        Path customers = dir.resolve("customers.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "customers", "--out", customers.toString())).isZero();
        String customerName;
        try (var in = Files.newInputStream(customers);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            customerName = workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
        }
        Path deals = dir.resolve("商机.csv");
        Files.writeString(deals, "客户名称,商机名称,阶段,金额(万元)\n"
                + customerName + ",命令行测试商机,报价,12\n"
                + customerName + ",没有金额的报价,报价,\n", StandardCharsets.UTF_8);

        assertThat(run("--data-dir", data, "import", deals.toString(), "--entity", "opportunities", "--skip-invalid"))
                .isZero();
        assertThat(out.toString()).contains("新建 1，更新 0，跳过重复 0，有错误 1，冲突 0")
                .contains("进入「报价」阶段前请先填写金额");

        Path exported = dir.resolve("商机导出.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "opportunities", "--search", customerName, "--out",
                exported.toString())).isZero();
        try (var in = Files.newInputStream(exported);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            assertThat(java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
                    .map(r -> r.getCell(1) == null ? "" : r.getCell(1).getStringCellValue()))
                    .contains("商机名称", "命令行测试商机");
        }
    }

    @Test
    void dateOrderReadsYearLastDatesAsTheSheetMeansThem() throws Exception {
        String data = dir.resolve("data").toString();
        String customerName = firstCustomerName(data);
        Path followUps = dir.resolve("跟进.csv");
        Files.writeString(followUps, "客户名称,跟进日期,跟进方式,跟进内容\n"
                + customerName + ",11/3/2025,电话,日期顺序测试\n", StandardCharsets.UTF_8);

        assertThat(run("--data-dir", data, "import", followUps.toString(), "--entity", "activities")).isEqualTo(1);
        assertThat(out.toString()).as("without a hint a year-last date is refused").contains("11/3/2025")
                .contains("未导入任何数据");

        assertThat(run("--data-dir", data, "import", followUps.toString(), "--entity", "activities",
                "--date-order", "mdy")).isZero();
        assertThat(out.toString()).contains("新建 1");
        Files.writeString(followUps, "客户名称,跟进日期,跟进方式,跟进内容\n"
                + customerName + ",11/3/2025,电话,日期顺序测试（日在前）\n", StandardCharsets.UTF_8);
        assertThat(run("--data-dir", data, "import", followUps.toString(), "--entity", "activities",
                "--date-order", "DMY")).isZero();

        Path exported = dir.resolve("跟进导出.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "activities", "--search", customerName, "--out",
                exported.toString())).isZero();
        java.util.Map<String, java.time.LocalDate> dates = new java.util.HashMap<>();
        try (var in = Files.newInputStream(exported);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheetAt(0);
            int time = column(sheet.getRow(0), "跟进时间");
            int note = column(sheet.getRow(0), "跟进内容");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(note) != null) {
                    dates.put(row.getCell(note).getStringCellValue(),
                            row.getCell(time).getLocalDateTimeCellValue().toLocalDate());
                }
            }
        }
        assertThat(dates).containsEntry("日期顺序测试", java.time.LocalDate.of(2025, 11, 3))
                .containsEntry("日期顺序测试（日在前）", java.time.LocalDate.of(2025, 3, 11));
    }

    @Test
    void unknownDateOrderNamesTheValidOnes() {
        assertThat(run("--data-dir", dir.resolve("data").toString(), "import", ledger.toString(),
                "--date-order", "ddmm")).isNotZero();
        assertThat(out.toString()).contains("--date-order").contains("ddmm").contains("ymd").contains("dmy")
                .contains("mdy");
    }

    private String firstCustomerName(String data) throws Exception {
        Path customers = dir.resolve("customers.xlsx");
        assertThat(run("--data-dir", data, "export", "--entity", "customers", "--out", customers.toString())).isZero();
        try (var in = Files.newInputStream(customers);
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            return workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
        }
    }

    private static int column(org.apache.poi.ss.usermodel.Row header, String title) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            if (header.getCell(c) != null && title.equals(header.getCell(c).getStringCellValue())) {
                return c;
            }
        }
        throw new AssertionError("no column " + title);
    }

    @Test
    void unknownEntityNamesTheValidOnes() {
        String data = dir.resolve("data").toString();

        assertThat(run("--data-dir", data, "import", ledger.toString(), "--entity", "orders")).isNotZero();
        assertThat(out.toString()).contains("无法导入“orders”")
                .contains("customers, contacts, activities, opportunities, leads, users");

        assertThat(run("--data-dir", data, "export", "--entity", "orders", "--out", dir.resolve("x.xlsx").toString()))
                .isNotZero();
        assertThat(out.toString()).contains("无法导出“orders”")
                .contains("customers, contacts, activities, opportunities, leads, users");
    }

    @Test
    void rosterImportIsRefusedForANonAdministrator() throws Exception {
        String data = dir.resolve("data").toString();
        Path roster = dir.resolve("花名册.csv");
        Files.writeString(roster, "姓名,登录名,角色\n新同事,newbie,销售\n", StandardCharsets.UTF_8);
        assertThat(run("--data-dir", data, "export", "--entity", "users", "--out", dir.resolve("u.xlsx").toString()))
                .isZero();
        assertThat(out.toString()).contains("已导出团队成员");

        assertThat(run("--data-dir", data, "--user", "manager.sh", "import", roster.toString(), "--entity", "users"))
                .isNotZero();
        assertThat(out.toString()).contains("只有管理员可以导入");

        assertThat(run("--data-dir", data, "import", roster.toString(), "--entity", "users")).isZero();
        assertThat(out.toString()).contains("新建 1");
    }

    private int run(String... args) {
        out = new StringWriter();
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
