package io.salesdesk.app.cli;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.app.Main;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseAlreadyOpenException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.DatabaseServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdesk server}: a team works on one workspace over the network, and its files stay whole. */
class DatabaseServerTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.systemUTC();

    @Test
    void aCustomerWrittenThroughTheServerIsThereWhenTheWorkspaceIsOpenedEmbeddedAgain() throws IOException {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            new DemoWorkspace(db, clock).create(7, 10);
        }
        int port = freePort();
        String written;
        try (DatabaseServer server = DatabaseServer.start(dir, new DatabaseServer.Options(port, "team", "s3cret", false))) {
            assertThat(server.url()).endsWith(":" + port + "/salesdesk").startsWith("jdbc:hsqldb:hsql://");
            String url = "jdbc:hsqldb:hsql://localhost:" + port + "/salesdesk";
            try (Database shared = Database.open(DatabaseConfig.server(url, "team", "s3cret"))) {
                assertThat(shared.config().mode()).isEqualTo(DatabaseConfig.Mode.HSQLDB_SERVER);
                CustomerService customers = new CustomerService(shared, clock, new RegionService(shared));
                User owner = new UserService(shared, clock).defaultUser(DemoWorkspace.DEFAULT_USER).orElseThrow();
                Customer created = customers.create(owner.asActor(), new CustomerDraft("苏州网络共享医疗器械有限公司", null,
                        Tier.B, "HOSPITAL", "320508", "江苏省苏州市姑苏区人民路1号", null, owner.id()));
                written = created.name();
                assertThat(customers.open(owner.asActor(), created.id())).isPresent();
            }
        }
        try (Database reopened = Database.open(DatabaseConfig.embedded(dir))) {
            assertThat(reopened.dsl().fetchExists(CUSTOMER, CUSTOMER.NAME.eq(written))).isTrue();
        }
    }

    @Test
    void saWithItsEmptyPasswordCannotSignInOverTheNetwork() throws IOException {
        int port = freePort();
        try (DatabaseServer server = DatabaseServer.start(dir, new DatabaseServer.Options(port, "team", "s3cret", false))) {
            String url = "jdbc:hsqldb:hsql://localhost:" + port + "/salesdesk";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "SA", "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "team", "wrong").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theDesktopAppCannotOpenTheFolderWhileTheServerServesIt() throws IOException {
        int port = freePort();
        try (DatabaseServer server = DatabaseServer.start(dir, new DatabaseServer.Options(port, "team", "s3cret", false))) {
            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dir)))
                    .isInstanceOf(DatabaseAlreadyOpenException.class);
        }
    }

    @Test
    void aPortInUseIsRefusedWithTheFolderLeftUsable() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> DatabaseServer.start(dir,
                    new DatabaseServer.Options(taken.getLocalPort(), "team", "s3cret", false)))
                    .isInstanceOfSatisfying(SalesDeskException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("error.server.start"));
        }
        Database.open(DatabaseConfig.embedded(dir)).close();
    }

    @Test
    void theCommandWithoutItsPasswordVariableSaysWhichVariableToSet() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(Main.run("server", "--data-dir", dir.toString(),
                    "--db-password-env", "SALESDESK_TEST_UNSET_PASSWORD")).isEqualTo(2);
        } finally {
            System.setErr(stderr);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("环境变量 SALESDESK_TEST_UNSET_PASSWORD 没有设置");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
