package io.salesdesk.app.cli;

import io.salesdesk.app.EastChinaRep;
import io.salesdesk.app.common.I18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;

import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.ReplicaStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code salesdesk sync} as a branch office runs it: create the replica once, then sync. */
class SyncCommandTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ownConfigFolder() {
        System.setProperty("salesdesk.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void defaultConfigFolder() {
        System.clearProperty("salesdesk.config.dir");
    }

    @Test
    void aBranchSyncsWithTheHeadOfficeNamedByAConnectionProfile() {
        Path hubDir = dir.resolve("hq");
        Customer customer = hubWithCustomer(hubDir);
        profiles().save(new ConnectionProfile("HQ", ConnectionProfile.Kind.EMBEDDED, hubDir.toString(), null, 0,
                null, null), null);
        String branch = dir.resolve("branch").toString();
        assertThat(run("--data-dir", branch, "sync", "--profile", "HQ", "--create", "--no-encrypt", "--org-unit", "华东大区")).isZero();
        renameOnReplica(customer, "苏州第一人民医院");

        int exit = run("--data-dir", branch, "sync", "--profile", "HQ");

        // Only the warning that --no-encrypt leaves the replica's files readable.
        assertThat(err.toString().strip()).isEqualTo(I18n.get("cli.sync.notEncrypted"));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("上传第 1 页：1 条本地修改已由总部合并").contains("同步完成：上传 1 条本地修改");
        try (Database hub = Database.open(DatabaseConfig.embedded(hubDir))) {
            assertThat(customers(hub).open(admin(customer), customer.id()).orElseThrow().customer().name())
                    .isEqualTo("苏州第一人民医院");
        }
        try (Database replica = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            java.util.Optional<String> hubProfile = replica.transactionResult(
                    cfg -> ReplicaSettings.using(cfg).hubProfile());
            assertThat(hubProfile).contains("HQ");
            assertThat(ReplicaStatus.of(replica).orElseThrow().waiting()).isZero();
        }
    }

    @Test
    void aReplicaCreatedByHubUrlRemembersItsHeadOfficeAndSyncsWithoutBeingTold() throws IOException {
        Path hubDir = dir.resolve("hq");
        Customer customer = hubWithCustomer(hubDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/salesdesk";
        String branch = dir.resolve("branch").toString();
        try (io.salesdesk.db.DatabaseServer server = io.salesdesk.db.DatabaseServer.start(hubDir,
                new io.salesdesk.db.DatabaseServer.Options(port, "team", "s3cret-team", false))) {
            assertThat(run("--data-dir", branch, "sync", "--hub-url", url, "--hub-user", "team",
                    "--hub-password=s3cret-team", "--create", "--no-encrypt", "--org-unit", "华东大区")).isZero();
            assertThat(out.toString()).contains("总部数据库已保存为本机的连接配置“总部”");
            assertThat(profiles().find("总部").orElseThrow().url()).isEqualTo(url);
            renameOnReplica(customer, "苏州第一人民医院");

            // No --hub-url and no --profile: the replica's own hub, its password from the sealed profile.
            int exit = run("--data-dir", branch, "sync");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("同步完成：上传 1 条本地修改");
        }
        try (Database replica = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            java.util.Optional<String> hubProfile = replica.transactionResult(
                    cfg -> ReplicaSettings.using(cfg).hubProfile());
            assertThat(hubProfile).contains("总部");
        }
    }

    @Test
    void anUnreachableHeadOfficeFailsWithAMessageAndChangesNothing() throws IOException {
        Path hubDir = dir.resolve("hq");
        Customer customer = hubWithCustomer(hubDir);
        String branch = dir.resolve("branch").toString();
        assertThat(run("--data-dir", branch, "sync", "--hub-url", DatabaseConfig.embedded(hubDir).url(), "--create", "--no-encrypt",
                "--org-unit", "华东大区")).isZero();
        renameOnReplica(customer, "苏州第一人民医院");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        profiles().save(new ConnectionProfile("HQ", ConnectionProfile.Kind.HSQLDB_SERVER, null, "127.0.0.1",
                closedPort, "salesdesk", "sa"), "secret");

        int exit = run("--data-dir", branch, "sync", "--profile", "HQ");

        assertThat(exit).isEqualTo(SyncCommand.OFFLINE);
        assertThat(err.toString()).contains("连接不到总部数据库").contains("本地数据没有任何改动");
        try (Database replica = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            assertThat(ReplicaStatus.of(replica).orElseThrow().waiting()).isEqualTo(1);
            assertThat(customers(replica).open(admin(customer), customer.id()).orElseThrow().customer().name())
                    .isEqualTo("苏州第一人民医院");
            java.util.Optional<ReplicaSettings.LastSync> last = replica.transactionResult(
                    cfg -> ReplicaSettings.using(cfg).last());
            assertThat(last.orElseThrow().outcome()).isEqualTo("OFFLINE");
        }
    }

    @Test
    void theUnsyncedChangesAreExportedToACsvFileWithoutAConnection() throws IOException {
        Path hubDir = dir.resolve("hq");
        Customer customer = hubWithCustomer(hubDir);
        String branch = dir.resolve("branch").toString();
        assertThat(run("--data-dir", branch, "sync", "--hub-url", DatabaseConfig.embedded(hubDir).url(), "--create", "--no-encrypt",
                "--org-unit", "华东大区")).isZero();
        renameOnReplica(customer, "苏州第一人民医院");
        Path file = dir.resolve("未同步.csv");

        int exit = run("--data-dir", branch, "sync", "--export-unsynced", file.toString());

        assertThat(exit).isZero();
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).contains("客户,").contains("修改,名称,苏州第一医院,苏州第一人民医院,王一");
        assertThat(out.toString()).contains("1 条修改已导出到");
    }

    private Customer hubWithCustomer(Path hubDir) {
        try (Database hub = Database.open(DatabaseConfig.embedded(hubDir))) {
            User rep = EastChinaRep.addTo(hub, clock);
            return customers(hub).create(rep.asActor(),
                    new CustomerDraft("苏州第一医院", null, Tier.B, "HOSPITAL", "320508", null, null, rep.id()));
        }
    }

    private void renameOnReplica(Customer customer, String name) {
        try (Database replica = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            Customer now = customers(replica).open(admin(customer), customer.id()).orElseThrow().customer();
            customers(replica).update(new io.salesdesk.core.Actor(customer.ownerId(), "王一", Role.REP, "/"),
                    now.id(), now.version(), new CustomerDraft(name, null, Tier.B, "HOSPITAL", "320508", null, null,
                            customer.ownerId()));
        }
    }

    private CustomerService customers(Database db) {
        return new CustomerService(db, clock, new RegionService(db));
    }

    private static io.salesdesk.core.Actor admin(Customer customer) {
        return new io.salesdesk.core.Actor(customer.ownerId(), "王一", Role.ADMIN, "/");
    }

    private ConnectionProfiles profiles() {
        return new ConnectionProfiles(dir.resolve("config"));
    }

    @Test
    void aBranchCreatesItsReplicaByOrgUnitNameAndSyncsTheHeadOfficesChanges() {
        Path hubDir = dir.resolve("hq");
        Customer customer;
        try (Database hub = Database.open(DatabaseConfig.embedded(hubDir))) {
            User rep = EastChinaRep.addTo(hub, clock);
            customer = new CustomerService(hub, clock, new RegionService(hub)).create(rep.asActor(),
                    new CustomerDraft("苏州第一医院", null, Tier.B, "HOSPITAL", "320508", null, null, rep.id()));
        }
        String hubUrl = DatabaseConfig.embedded(hubDir).url();
        String branch = dir.resolve("branch").toString();

        int created = run("--data-dir", branch, "sync", "--hub-url", hubUrl, "--create", "--no-encrypt", "--org-unit", "华东大区");
        int synced = run("--data-dir", branch, "sync", "--hub-url", hubUrl);

        // Only the warning that --no-encrypt leaves the replica's files readable.
        assertThat(err.toString().strip()).isEqualTo(I18n.get("cli.sync.notEncrypted"));
        assertThat(created).isZero();
        assertThat(synced).isZero();
        assertThat(out.toString()).contains(branch);
        try (Database replica = Database.open(DatabaseConfig.embedded(dir.resolve("branch")))) {
            assertThat(new CustomerService(replica, clock, new RegionService(replica)).open(
                    new io.salesdesk.core.Actor(customer.ownerId(), "王一", Role.ADMIN, "/"), customer.id())).isPresent();
        }
    }

    @Test
    void anUnknownOrgUnitIsRefusedWithAMessage() {
        Path hubDir = dir.resolve("hq");
        try (Database hub = Database.open(DatabaseConfig.embedded(hubDir))) {
            EastChinaRep.addTo(hub, clock);
        }
        int exit = run("--data-dir", dir.resolve("branch").toString(), "sync", "--hub-url",
                DatabaseConfig.embedded(hubDir).url(), "--create", "--no-encrypt", "--org-unit", "西北大区");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("西北大区");
    }

    private int run(String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
