package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.Main;
import io.salesdesk.app.common.I18n;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdesk backup} and {@code restore} as an office's admin uses them. */
class BackupCommandTest {

    @TempDir
    Path dir;

    private PrintStream stdout;
    private PrintStream stderr;
    private ByteArrayOutputStream printed;
    private ByteArrayOutputStream errors;

    @BeforeEach
    void captureStreams() {
        stdout = System.out;
        stderr = System.err;
        printed = new ByteArrayOutputStream();
        errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void aBackupGoesToTheBackupsFolderAndRestoresIntoTheWorkspace() throws IOException {
        Path workspace = dir.resolve("workspace");
        assertThat(Main.run("backup", "--data-dir", workspace.toString())).isZero();
        Path archive = onlyBackup(workspace.resolve("backups"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("备份已写入：" + archive);

        assertThat(Main.run("restore", archive.toString(), "--data-dir", workspace.toString())).isZero();

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("已从 " + archive).contains("恢复前的数据库保存在 "
                + workspace.resolve("db-before-restore-"));
    }

    @Test
    void aCorruptBackupIsRefusedWithAMessageSayingNothingChanged() throws IOException {
        Path workspace = dir.resolve("workspace");
        assertThat(Main.run("backup", "--data-dir", workspace.toString())).isZero();
        Path archive = onlyBackup(workspace.resolve("backups"));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(Main.run("restore", archive.toString(), "--data-dir", workspace.toString())).isEqualTo(2);

        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("未进行恢复，当前数据库保持不变");
    }

    @Test
    void aPostgresWorkspaceIsLeftToItsAdministratorsPgDump() {
        assertThat(Main.run("backup", "--db-url", "jdbc:postgresql://localhost:1/none")).isEqualTo(2);

        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("pg_dump");
    }

    private static Path onlyBackup(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("salesdesk-manual-")).findFirst()
                    .orElseThrow();
        }
    }
}
