package io.salesdesk.ledger.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvLedgerFileTest {

    private static final String LEDGER = "客户名称,城市,金额\n杭州甲公司,杭州,\"1,234.50\"\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] bom, byte[] text) {
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        return all;
    }

    private static List<List<String>> rowsOf(Path file) {
        try (LedgerFile ledger = Ledgers.open(file, ReadLimits.DEFAULT)) {
            List<List<String>> rows = new ArrayList<>();
            ledger.read(ledger.sheets().get(0).name(), row -> rows.add(row.cells().stream().map(CellValue::text).toList()));
            return rows;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            UTF-8,    true
            UTF-8,    false
            GB18030,  false
            GBK,      false
            UTF-16LE, true
            UTF-16BE, true
            """)
    void detectsTheEncoding(String charsetName, boolean withBom) throws IOException {
        Charset charset = Charset.forName(charsetName);
        byte[] bom = !withBom ? new byte[0] : "\uFEFF".getBytes(charset);

        List<List<String>> rows = rowsOf(write("ledger.csv", concat(bom, LEDGER.getBytes(charset))));

        assertThat(rows).containsExactly(List.of("客户名称", "城市", "金额"), List.of("杭州甲公司", "杭州", "1,234.50"));
    }

    @ParameterizedTest(name = "delimiter {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ','
            ';'
            '\t'
            """)
    void detectsTheDelimiter(String delimiter) throws IOException {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        String text = "名称" + d + "备注" + d + "金额\n\"甲" + d + "乙\"" + d + "x" + d + "1\n丙" + d + d + "2\n";

        assertThat(rowsOf(write("ledger.csv", text.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(List.of("名称", "备注", "金额"), List.of("甲" + d + "乙", "x", "1"), List.of("丙", "", "2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            LF,   '\n'
            CRLF, '\r\n'
            CR,   '\r'
            """)
    void readsQuotedLineBreaksAndDoubledQuotesWithAnyLineEnding(String name, String ending) throws IOException {
        String e = ending.replace("\\r", "\r").replace("\\n", "\n");
        String text = "名称,备注" + e + "甲公司,\"第一行" + e + "第二行\"" + e + "\"乙 \"\"大\"\" 公司\",无" + e;

        List<List<String>> rows = rowsOf(write("ledger.csv", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(rows).containsExactly(List.of("名称", "备注"), List.of("甲公司", "第一行" + e + "第二行"),
                List.of("乙 \"大\" 公司", "无"));
    }

    @Test
    void numbersRowsAsRecordsAndSkipsBlankLines() throws IOException {
        Path file = write("ledger.csv", "a,b\n\n\"x\ny\",1\nz,2\n".getBytes(StandardCharsets.UTF_8));

        try (LedgerFile ledger = Ledgers.open(file, ReadLimits.DEFAULT)) {
            List<Integer> numbers = new ArrayList<>();
            ledger.read("ledger", row -> numbers.add(row.rowNumber()));
            assertThat(numbers).containsExactly(1, 3, 4);
        }
    }

    @Test
    void failsEarlyBeyondTheRowLimit() throws IOException {
        Path file = write("big.csv", "a\n1\n2\n3\n4\n".getBytes(StandardCharsets.UTF_8));

        try (LedgerFile ledger = Ledgers.open(file, new ReadLimits(3, 10))) {
            List<LedgerRow> rows = new ArrayList<>();
            assertThatThrownBy(() -> ledger.read("big", rows::add))
                    .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo(LedgerReadException.TOO_MANY_ROWS);
                        assertThat(e.arguments()).containsExactly("big.csv", 3);
                    });
            assertThat(rows).hasSize(3);
        }
    }

    @Test
    void refusesAnUnknownFileThatIsNoCsv() throws IOException {
        Path file = write("photo.xls", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        assertThatThrownBy(() -> Ledgers.open(file, ReadLimits.DEFAULT))
                .isInstanceOfSatisfying(LedgerReadException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(LedgerReadException.NOT_SPREADSHEET));
    }
}
