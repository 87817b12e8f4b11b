package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk FILE.sdtemplate}: the file a double-click passes reaches the window; commands stay commands. */
class TemplateFileArgumentTest {

    @TempDir
    Path dir;

    private static SalesDeskCommand parsed(CommandLine commandLine, String... args) {
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    @Test
    void aFileAloneOrAfterTheOptionsIsTheTemplateToOpen() {
        SalesDeskCommand alone = parsed(SalesDeskCommand.commandLine(), "x.sdtemplate");
        assertThat(alone.templateFile()).contains(Path.of("x.sdtemplate").toAbsolutePath());

        Path file = dir.resolve("shared").resolve("大客户.sdtemplate");
        SalesDeskCommand withOptions = parsed(SalesDeskCommand.commandLine(), "--data-dir", dir.toString(),
                "--user", "manager.sh", "--profile-file", dir.resolve("it.properties").toString(), file.toString());
        assertThat(withOptions.templateFile()).contains(file);
        assertThat(withOptions.username).isEqualTo("manager.sh");
        assertThat(withOptions.profileFile).isEqualTo(dir.resolve("it.properties"));
        assertThat(withOptions.databaseOptions().dataDir).isEqualTo(dir);
    }

    @Test
    void aCommandIsStillACommandAndNoWindowRunIsATemplateRun() {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        CommandLine.ParseResult result = commandLine.parseArgs("--data-dir", dir.toString(), "info");
        assertThat(result.subcommand().commandSpec().name()).isEqualTo("info");
        assertThat(((SalesDeskCommand) commandLine.getCommand()).templateFile()).isEmpty();
        assertThat(parsed(SalesDeskCommand.commandLine(), "--data-dir", dir.toString()).templateFile()).isEmpty();
    }

    @Test
    void aMistypedCommandIsRefusedOnTheCommandLineInsteadOfOpeningTheWindow() {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("--data-dir", dir.toString(), "imprt");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("imprt").contains("salesdesk --help");
    }
}
