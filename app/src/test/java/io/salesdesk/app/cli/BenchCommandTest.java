package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk bench startup --launcher}: times an installed package's launcher, not this distribution's. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void timesTheGivenLauncherOnTheWorkspace() throws Exception {
        // Stands in for /opt/salesdesk/bin/salesdesk: prints what the app prints under --exit-after-shown.
        Path launcher = dir.resolve("salesdesk");
        Path arguments = dir.resolve("arguments.txt");
        Files.writeString(launcher, "#!/bin/sh\necho \"$@\" >> '" + arguments + "'\n"
                + "echo startup-ms=900\necho ready-ms=1300\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        StringWriter out = new StringWriter();

        int exit = run(out, new StringWriter(), "--data-dir", dir.resolve("data").toString(),
                "bench", "startup", "--runs", "3", "--launcher", launcher.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("launcher: " + launcher)
                .contains("startup (JVM start → main window shown): median 900 ms")
                .contains("median 1300 ms");
        assertThat(Files.readAllLines(arguments)).hasSize(3)
                .allMatch(line -> line.equals("--data-dir " + dir.resolve("data") + " --exit-after-shown"));
    }

    @Test
    void aLauncherThatIsNotThereIsNamed() {
        StringWriter err = new StringWriter();

        int exit = run(new StringWriter(), err, "--data-dir", dir.resolve("data").toString(),
                "bench", "startup", "--launcher", dir.resolve("nowhere/salesdesk").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("nowhere/salesdesk").toString(), "/opt/salesdesk/bin/salesdesk");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void withoutLauncherItTimesTheOneThisRunCameFromAlsoInAWindowsOrMacPackage() {
        // jpackage's launchers name themselves; their folders have no bin/salesdesk.
        assertThat(BenchCommand.ownLauncher("C:\\Users\\li\\AppData\\Local\\SalesDesk\\salesdesk-cli.exe",
                "C:\\Users\\li\\AppData\\Local\\SalesDesk", true))
                .contains("C:\\Users\\li\\AppData\\Local\\SalesDesk\\salesdesk-cli.exe");
        assertThat(BenchCommand.ownLauncher("/Applications/SalesDesk.app/Contents/MacOS/SalesDesk", null, false))
                .contains("/Applications/SalesDesk.app/Contents/MacOS/SalesDesk");
        // The plain distribution: its bin/salesdesk.
        assertThat(BenchCommand.ownLauncher(null, "/home/li/salesdesk", false))
                .contains(Path.of("/home/li/salesdesk", "bin", "salesdesk").toString());
        assertThat(BenchCommand.ownLauncher(null, null, false)).isEmpty();
    }
}
