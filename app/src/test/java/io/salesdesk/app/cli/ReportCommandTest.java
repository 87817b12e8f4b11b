package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.insight.report.CjkFont;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk report daily} on a small demo workspace. */
class ReportCommandTest {

    @TempDir
    static Path dir;
    static String data;
    static String yesterday;

    StringWriter out;
    StringWriter err;

    @BeforeAll
    static void createDemo() {
        data = dir.resolve("data").toString();
        yesterday = BusinessTime.today(Clock.systemUTC()).minusDays(1).toString();
        assertThat(new ReportCommandTest().run("--data-dir", data, "demo", "--customers", "20")).isZero();
    }

    @Test
    void writesTheCompanyWorkbookAndPrintsTheSummary() throws Exception {
        Path file = dir.resolve("日报.xlsx");
        int exit = run("--data-dir", data, "report", "daily", "--date", yesterday, "--out", file.toString(), "--user", "gm");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains(file.getFileName().toString());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
        }
    }

    @Test
    void writesATeamsPdf() {
        assumeTrue(CjkFont.isAvailable(), "no Chinese font on this machine (.ci/run installs fonts-noto-cjk)");
        Path file = dir.resolve("team.pdf");
        int exit = run("--data-dir", data, "report", "daily", "--date", yesterday, "--out", file.toString(),
                "--team", "上海大区", "--user", "gm");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(file).exists();
    }

    @Test
    void anUnknownTeamListsTheTeamsThereAre() {
        int exit = run("--data-dir", data, "report", "daily", "--out", dir.resolve("x.xlsx").toString(), "--team", "火星大区",
                "--user", "gm");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("火星大区");
    }

    @Test
    void anUnknownFormatSaysWhichToUse() {
        int exit = run("--data-dir", data, "report", "daily", "--out", dir.resolve("x.docx").toString(), "--user", "gm");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(".xlsx").contains(".pdf");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = SalesDeskCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
