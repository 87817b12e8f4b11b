package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk kpi} as a BI script calls it: JSON per rep, and clear words for a wrong period. */
class KpiCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void workspace() {
        try (Database db = Database.open(DatabaseConfig.embedded(dir.resolve("data")))) {
            new DemoWorkspace(db, Clock.systemUTC()).create(7, 40);
        }
    }

    @Test
    void printsEveryKpiOfThePeriodAsJsonPerRep() throws Exception {
        StringWriter out = new StringWriter();
        LocalDate today = LocalDate.now();
        int exit = run(out, new StringWriter(), "--data-dir", dir.resolve("data").toString(), "kpi",
                "--from", today.minusMonths(6).toString(), "--to", today.toString(), "--by", "rep", "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("by").asText()).isEqualTo("rep");
        assertThat(json.get("total").size()).isEqualTo(12);
        // The demo's six months of follow-ups: touches have a figure; no contract was made.
        assertThat(json.get("total").get("daily_touches").get("value").isNumber()).isTrue();
        assertThat(json.get("total").get("signed_amount").get("noData").asText()).isEqualTo("kpi.noData.noContracts");
        assertThat(json.get("groups").size()).isPositive();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedInWords() {
        StringWriter err = new StringWriter();
        int exit = run(new StringWriter(), err, "--data-dir", dir.resolve("data").toString(), "kpi",
                "--from", "2026-10-01", "--to", "2026-09-30");

        assertThat(exit).isEqualTo(2);
        // In the language of the machine: names both dates and says which option to fix.
        assertThat(err.toString()).contains("2026-09-30", "2026-10-01", "--to", "--from");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
