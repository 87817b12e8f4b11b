package io.salesdesk.ledger.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every real-world file of the shared spreadsheet corpus (hidden sheets, 1904 dates, Strict OOXML,
 * encrypted, truncated, entity bombs, 16,384-column sheets...) either reads completely or fails
 * with a {@link LedgerReadException}: never another exception, a hang, or running out of memory.
 */
class LedgerCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCorpusTest.class);
    // shared/ sits beside the main checkout, here and in CI.
    private static final Path CORPUS = Paths.get("../../../shared/data/spreadsheets");
    private static final ReadLimits LIMITS = new ReadLimits(100_000, 1_000);

    static Stream<Path> corpusFiles() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<Path> spreadsheets = files
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(CORPUS.resolve("licences")))
                    .filter(p -> !p.getFileName().toString().equals("MANIFEST.csv"))
                    .sorted()
                    .collect(Collectors.toList());
            return spreadsheets.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void everyCorpusFileReadsOrFailsWithALedgerReadException(Path file) {
        assumeTrue(file != null, "shared spreadsheet corpus not found at " + CORPUS.toAbsolutePath());
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> readAll(file));
        LOG.info("{}: {}", CORPUS.relativize(file), outcome);
    }

    @Test
    void gb18030CsvReadsChinese() {
        List<LedgerRow> rows = rowsOf("csv-encodings/adcode_gb18030.csv");
        assertThat(rows).anySatisfy(row -> assertThat(row.cells()).extracting(CellValue::text).contains("北京市"));
    }

    @Test
    void date1904WorkbookGivesTheRightDate() {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("calamine/date_1904.xlsx"), LIMITS)) {
            assertThat(ledger.date1904()).isTrue();
            List<LedgerRow> rows = new ArrayList<>();
            ledger.read(ledger.sheets().get(0).name(), rows::add);
            assertThat(rows.get(0).cell(0).kind()).isEqualTo(CellKind.DATE);
            assertThat(rows.get(0).cell(0).dateTime().toLocalDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        }
    }

    @Test
    void encryptedWorkbookIsReportedAsEncrypted() {
        assumeCorpus();
        for (String name : List.of("calamine/pass_protected.xlsx", "poi/protected_passtika.xlsx", "poi/password.xls")) {
            assertThatThrownBy(() -> Ledgers.open(CORPUS.resolve(name), LIMITS).close())
                    .as(name)
                    .isInstanceOfSatisfying(LedgerReadException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(LedgerReadException.ENCRYPTED));
        }
    }

    @Test
    void xls1904WorkbookGivesTheRightDate() {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("calamine/date_1904.xls"), LIMITS)) {
            assertThat(ledger.date1904()).isTrue();
            List<LedgerRow> rows = new ArrayList<>();
            ledger.read(ledger.sheets().get(0).name(), rows::add);
            assertThat(rows.get(0).cell(0).dateTime().toLocalDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        }
    }

    @Test
    void sheetsAreListedWithTheirVisibility() {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("calamine/any_sheets.xlsx"), LIMITS)) {
            assertThat(ledger.sheets()).extracting(SheetInfo::name, SheetInfo::visibility).startsWith(
                    tuple("Visible", SheetVisibility.VISIBLE),
                    tuple("Hidden", SheetVisibility.HIDDEN),
                    tuple("VeryHidden", SheetVisibility.VERY_HIDDEN));
        }
    }

    @Test
    void cachedFormulaErrorsBecomeErrorValues() {
        List<LedgerRow> rows = rowsOf("calamine/errors.xlsx");

        assertThat(rows).flatExtracting(LedgerRow::cells)
                .filteredOn(c -> c.kind() == CellKind.ERROR)
                .extracting(CellValue::text)
                .contains("#DIV/0!", "#N/A", "#REF!");
    }

    @Test
    void sheetClaimingAllColumnsReadsOnlyItsValues() {
        List<LedgerRow> rows = rowsOf("easyexcel/t03.xlsx");

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.cells().size()).isLessThan(100));
    }

    @Test
    void longSheetStopsAtTheRowLimit() {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("poi/bug62181.xlsx"), new ReadLimits(1_000, 100))) {
            int[] rows = {0};
            assertThatThrownBy(() -> ledger.read(ledger.sheets().get(0).name(), row -> ++rows[0] > 0))
                    .isInstanceOfSatisfying(LedgerReadException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(LedgerReadException.TOO_MANY_ROWS));
            assertThat(rows[0]).isEqualTo(1_000);
        }
    }

    @Test
    void entityExpansionBombIsRefused() {
        assumeCorpus();
        assertThatThrownBy(() -> {
            try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("poi/poc-xmlbomb-empty.xlsx"), LIMITS)) {
                ledger.read(ledger.sheets().get(0).name(), row -> true);
            }
        }).isInstanceOfSatisfying(LedgerReadException.class,
                e -> assertThat(e.messageKey()).isEqualTo(LedgerReadException.UNSAFE_XML));
    }

    @Test
    void consumerCanStopAfterAPreview() {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve("poi/bug62181.xlsx"), LIMITS)) {
            List<LedgerRow> preview = new ArrayList<>();
            ledger.read(ledger.sheets().get(0).name(), row -> preview.add(row) && preview.size() < 30);
            assertThat(preview).hasSize(30);
        }
    }

    private static List<LedgerRow> rowsOf(String name) {
        assumeCorpus();
        try (LedgerFile ledger = Ledgers.open(CORPUS.resolve(name), LIMITS)) {
            List<LedgerRow> rows = new ArrayList<>();
            ledger.read(ledger.sheets().get(0).name(), rows::add);
            return rows;
        }
    }

    private static void assumeCorpus() {
        assumeTrue(Files.isDirectory(CORPUS), "shared spreadsheet corpus not found at " + CORPUS.toAbsolutePath());
    }

    private static String readAll(Path file) {
        try (LedgerFile ledger = Ledgers.open(file, LIMITS)) {
            StringBuilder outcome = new StringBuilder("read");
            for (SheetInfo sheet : ledger.sheets()) {
                int[] rows = {0};
                ledger.read(sheet.name(), row -> {
                    rows[0]++;
                    return true;
                });
                outcome.append(' ').append(sheet.name()).append('(').append(sheet.visibility()).append(")=").append(rows[0]);
            }
            return outcome.toString();
        } catch (LedgerReadException e) {
            return "refused " + e.messageKey() + " " + List.of(e.arguments());
        }
    }
}
