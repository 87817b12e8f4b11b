package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.app.Main;
import io.salesdesk.db.DatabaseServer;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdesk profile} and {@code --profile}: a user names a database once and reaches it by name. */
class ProfileCommandTest {

    @TempDir
    Path dir;

    private PrintStream stdout;
    private ByteArrayOutputStream printed;

    @BeforeEach
    void useATemporaryConfigFolder() {
        System.setProperty("salesdesk.config.dir", dir.resolve("config").toString());
        stdout = System.out;
        printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.clearProperty("salesdesk.config.dir");
        System.setOut(stdout);
    }

    @Test
    void aProfileAddedToStartWithIsListedMarkedAndOpenedWhenNoFolderIsGiven() {
        Path folder = dir.resolve("branch");
        assertThat(Main.run("profile", "add", "branch", "--kind", "EMBEDDED", "--dir", folder.toString(),
                "--start-with")).isZero();
        assertThat(Main.run("profile", "list")).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("* branch\tEMBEDDED\t" + folder);

        assertThat(Main.run("info")).isZero();

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"dataDir\" : \"" + folder + "\"");
    }

    @Test
    void useNoneGoesBackToTheDefaultFolderWhenTheServerToStartWithIsGone() {
        new ConnectionProfiles(dir.resolve("config")).save(new ConnectionProfile("gone",
                ConnectionProfile.Kind.HSQLDB_SERVER, null, "localhost", 1, "salesdesk", "team"), "pw");
        assertThat(Main.run("profile", "use", "gone")).isZero();

        assertThat(Main.run("profile", "use", "--none")).isZero();

        assertThat(new ConnectionProfiles(dir.resolve("config")).startWith()).isEmpty();
    }

    @Test
    void aServerProfileReachesTheServerWithItsSavedPassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DatabaseServer server = DatabaseServer.start(dir.resolve("office"),
                new DatabaseServer.Options(port, "team", "s3cret", false))) {
            new ConnectionProfiles(dir.resolve("config")).save(new ConnectionProfile("office",
                    ConnectionProfile.Kind.HSQLDB_SERVER, null, "localhost", port, "salesdesk", "team"), "s3cret");

            assertThat(Main.run("--profile", "office", "info")).isZero();

            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"mode\" : \"HSQLDB_SERVER\"")
                    .contains("\"schemaVersion\" : \"" + io.salesdesk.db.Database.SCHEMA_VERSION + "\"");
        }
    }

    @Test
    void aWrongSavedPasswordIsAClearMessageNotAStackTrace() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.io.PrintStream stderr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try (DatabaseServer server = DatabaseServer.start(dir.resolve("office"),
                new DatabaseServer.Options(port, "team", "s3cret", false))) {
            new ConnectionProfiles(dir.resolve("config")).save(new ConnectionProfile("office",
                    ConnectionProfile.Kind.HSQLDB_SERVER, null, "localhost", port, "salesdesk", "team"), "wrong");

            assertThat(Main.run("--profile", "office", "info")).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("jdbc:hsqldb:hsql://localhost:" + port)
                .doesNotContain("\tat ");
    }

    @Test
    void removingAnUnknownProfileSaysSoAndFails() {
        assertThat(Main.run("profile", "remove", "nowhere")).isEqualTo(2);
    }
}
