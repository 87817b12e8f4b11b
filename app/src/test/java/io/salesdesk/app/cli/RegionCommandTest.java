package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code salesdesk region parse} as ops pipe an address list through it. */
class RegionCommandTest {

    private InputStream stdin;
    private PrintStream stdout;
    private ByteArrayOutputStream printed;

    @BeforeEach
    void keepStreams() {
        stdin = System.in;
        stdout = System.out;
        printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setIn(stdin);
        System.setOut(stdout);
    }

    @Test
    void printsAddressCodeFullNameAndConfidenceTabSeparatedWithoutAWorkspace() {
        String lines = "\uFEFF浙江省杭州市西湖区文三路 90 号\n北京朝阳区建国路 88 号\r\n朝阳区建国路 88 号\n\nasdf 1234\n";
        System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));

        int exit = run("region", "parse");

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8).split("\n", -1)).containsExactly(
                "浙江省杭州市西湖区文三路 90 号\t330106\t浙江省 杭州市 西湖区\t0.98",
                "北京朝阳区建国路 88 号\t110105\t北京市 朝阳区\t0.92",
                "朝阳区建国路 88 号\t\t\t0.00",
                "\t\t\t0.00",
                "asdf 1234\t\t\t0.00",
                "");
    }

    @Test
    void emptyInputPrintsNothing() {
        System.setIn(new ByteArrayInputStream(new byte[0]));

        assertThat(run("region", "parse")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void confidenceIsPrintedWithTwoDecimals() {
        assertThat(RegionCommand.Parse.twoDecimals(0.9)).isEqualTo("0.90");
        assertThat(RegionCommand.Parse.twoDecimals(0.05)).isEqualTo("0.05");
        assertThat(RegionCommand.Parse.twoDecimals(0)).isEqualTo("0.00");
        assertThat(RegionCommand.Parse.twoDecimals(1)).isEqualTo("1.00");
    }

    private static int run(String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
