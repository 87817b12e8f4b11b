package io.salesdesk.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.UiTestWorkspace;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;

/** The problem report has what support needs and nothing about customers. */
class ProblemReportTest {

    @TempDir
    static Path dir;
    static UiTestWorkspace workspace;

    @BeforeAll
    static void openWorkspace() {
        workspace = UiTestWorkspace.create(dir.resolve("workspace"));
    }

    @AfterAll
    static void closeWorkspace() {
        workspace.close();
    }

    @Test
    void zipHoldsLogsFactsAndSettingsButNoCustomerNamesOrContactDetails() throws IOException {
        List<Customer> customers = workspace.context().customers()
                .page(workspace.context().currentUser().asActor(), CustomerQuery.all(), 0, 20);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StringBuilder log = new StringBuilder("2026-11-28 10:00:00.000 INFO  [main] io.salesdesk.Start - started\n");
        for (Customer customer : customers) {
            // What a careless log line could hold: the name, a phone number, an e-mail address.
            log.append("2026-11-28 10:00:01.000 WARN  [fx] io.salesdesk.X - Refused: ").append(customer.name())
                    .append(" (13812345678, buyer@example.com.cn, 021-55501234)\n");
        }
        Files.writeString(logs.resolve("salesdesk.log"), log, StandardCharsets.UTF_8);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("language", "CHINESE");

        Path zip = dir.resolve("report.zip");
        new ProblemReport(logs, workspace.context().database(), settings).writeTo(zip);

        Map<String, String> entries = read(zip);
        assertThat(entries).containsKeys("facts.txt", "settings.txt", "logs/salesdesk.log");
        assertThat(entries.get("facts.txt")).contains("schemaVersion: ").contains("rows.customer: ").contains("os: ");
        assertThat(entries.get("settings.txt")).contains("language: CHINESE");
        assertThat(entries.get("logs/salesdesk.log")).contains("io.salesdesk.Start - started").contains("Refused: ");
        String everything = String.join("\n", entries.values());
        assertThat(customers).isNotEmpty();
        for (Customer customer : customers) {
            assertThat(everything).doesNotContain(customer.name());
        }
        assertThat(everything).doesNotContain("13812345678", "buyer@example.com.cn", "55501234", "jdbc:hsqldb:file");
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
                entries.put(entry.getName(), new String(entriesIn.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
