package io.salesdesk.app.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesdesk.app.cli.SalesDeskCommand;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDetail;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.DatabaseServer;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The goal of the shared-and-offline issue, end to end on one machine: the head office runs
 * {@code salesdesk server}, two desktops work on it at the same time, and a branch office's
 * encrypted replica keeps working while the head office is down and syncs when it is back. Every
 * change someone made is either kept or recorded as a conflict; nothing is lost.
 */
class HeadOfficeAndBranchTest {

    /** Set by the build (app/pom.xml) so the command line reads it as a branch office's would. */
    private static final String PASSPHRASE_ENV = "SALESDESK_TEST_PASSPHRASE";
    private static final String TEAM = "team";
    private static final String TEAM_PASSWORD = "s3cret-team";
    private static final String HOSPITAL = "苏州第一医院";

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ownConfigFolder() {
        assertThat(System.getenv(PASSPHRASE_ENV)).as(PASSPHRASE_ENV + ", set for surefire by app/pom.xml").isNotBlank();
        System.setProperty("salesdesk.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void defaultConfigFolder() {
        System.clearProperty("salesdesk.config.dir");
    }

    @Test
    void twoDesktopsAndABranchOfficeKeepEveryonesChanges() throws IOException {
        Path hq = dir.resolve("hq");
        Path branch = dir.resolve("branch");
        Team team = team(hq);
        UUID id = team.customer().id();
        int port = freePort();
        String url = "jdbc:hsqldb:hsql://localhost:" + port + "/salesdesk";
        DatabaseServer.Options serving = new DatabaseServer.Options(port, TEAM, TEAM_PASSWORD, false);
        String[] hub = {"--hub-url", url, "--hub-user", TEAM, "--hub-password=" + TEAM_PASSWORD};

        try (DatabaseServer server = DatabaseServer.start(hq, serving);
             Database deskA = Database.open(DatabaseConfig.server(url, TEAM, TEAM_PASSWORD));
             Database deskB = Database.open(DatabaseConfig.server(url, TEAM, TEAM_PASSWORD))) {
            // Both desktops open the customer; the rep saves a phone number, the manager then
            // saves an address on what they opened before: the merge keeps both without asking.
            Customer seenByRep = customers(deskA).open(team.rep(), id).orElseThrow().customer();
            Customer seenByManager = customers(deskB).open(team.manager(), id).orElseThrow().customer();
            customers(deskA).update(team.rep(), id, seenByRep.version(),
                    with(seenByRep.toDraft(), null, null, "0512-65223637"));
            CustomerDraft managers = with(seenByManager.toDraft(), null, "苏州市姑苏区十梓街188号", null);
            StaleRecordException stale = catchThrowableOfType(
                    () -> customers(deskB).update(team.manager(), id, seenByManager.version(), managers),
                    StaleRecordException.class);
            Customer theirs = (Customer) stale.current();
            FieldMerge merge = FieldMerge.of(CustomerVersions.fields(seenByManager.toDraft(), Map.of()),
                    CustomerVersions.fields(managers, Map.of()), CustomerVersions.fields(theirs.toDraft(), Map.of()));
            assertThat(merge.unresolved()).isEmpty();
            customers(deskB).update(team.manager(), id, theirs.version(), CustomerVersions.draft(merge.result()));

            Customer merged = customers(deskA).open(team.rep(), id).orElseThrow().customer();
            assertThat(merged.phone()).isEqualTo("0512-65223637");
            assertThat(merged.address()).isEqualTo("苏州市姑苏区十梓街188号");

            // The branch office makes its replica of 华东大区 from the server; encrypted by default.
            assertThat(run(branch, concat(hub, "--create", "--org-unit", "华东大区"))).isZero();
        }

        // The head office is down. The branch keeps working: it renames the customer and logs a visit.
        try (Database replica = openReplica(branch)) {
            Customer there = customers(replica).open(team.rep(), id).orElseThrow().customer();
            assertThat(there.phone()).isEqualTo("0512-65223637");
            customers(replica).update(team.rep(), id, there.version(),
                    with(there.toDraft(), "苏州大学附属第一医院", null, null));
            customers(replica).logFollowUp(team.rep(), id, new ActivityDraft(ActivityKind.VISIT,
                    OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8)), null, 45,
                    "拜访设备科，演示新款监护仪", null, null, null));
        }
        assertThat(run(branch, hub)).as("a sync while the head office is down").isEqualTo(3);
        assertThat(err.toString()).contains("本地数据没有任何改动");

        try (DatabaseServer server = DatabaseServer.start(hq, serving);
             Database deskA = Database.open(DatabaseConfig.server(url, TEAM, TEAM_PASSWORD))) {
            // Meanwhile at the head office the manager renames it too, and raises its tier.
            Customer atHq = customers(deskA).open(team.manager(), id).orElseThrow().customer();
            CustomerDraft raised = with(atHq.toDraft(), "苏大附一院", null, null);
            customers(deskA).update(team.manager(), id, atHq.version(), new CustomerDraft(raised.name(),
                    raised.creditCode(), Tier.A, raised.industry(), raised.regionCode(), raised.address(),
                    raised.phone(), raised.ownerId()));

            out.getBuffer().setLength(0);
            assertThat(run(branch, hub)).as("the sync once the head office is back").isZero();
            assertThat(run(branch, concat(hub, "--conflicts"))).isZero();

            // Both names are on record for a manager to choose; the visit reached the head office.
            assertThat(out.toString()).contains("总部待处理的同步冲突：1 条").contains("苏大附一院")
                    .contains("苏州大学附属第一医院");
            CustomerDetail hqDetail = customers(deskA).open(team.manager(), id).orElseThrow();
            assertThat(hqDetail.customer().tier()).isEqualTo(Tier.A);
            assertThat(hqDetail.timeline()).extracting(a -> a.note()).contains("拜访设备科，演示新款监护仪");
        }
        // The branch has the head office's tier, and its files give a thief nothing readable.
        try (Database replica = openReplica(branch)) {
            assertThat(customers(replica).open(team.rep(), id).orElseThrow().customer().tier()).isEqualTo(Tier.A);
        }
        try (Stream<Path> files = Files.walk(branch)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                        .as(file.toString()).doesNotContain(HOSPITAL).doesNotContain("拜访设备科");
            }
        }
    }

    private Database openReplica(Path branch) {
        return Database.open(WorkspaceKey.unlock(DatabaseConfig.embedded(branch),
                System.getenv(PASSPHRASE_ENV).toCharArray()));
    }

    private static CustomerDraft with(CustomerDraft d, String name, String address, String phone) {
        return new CustomerDraft(name != null ? name : d.name(), d.creditCode(), d.tier(), d.industry(),
                d.regionCode(), address != null ? address : d.address(), phone != null ? phone : d.phone(),
                d.ownerId());
    }

    private CustomerService customers(Database db) {
        return new CustomerService(db, clock, new RegionService(db));
    }

    /** The people: a rep and a manager in 华东大区 and one of the rep's customers. */
    private record Team(Actor rep, Actor manager, Customer customer) {
    }

    private Team team(Path hq) {
        try (Database db = Database.open(DatabaseConfig.embedded(hq))) {
            User[] people = db.transactionResult(cfg -> {
                ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");
                UUID companyId = Ids.newId(clock);
                OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY,
                        OrgUnit.rootPath(companyId), null);
                OrgUnitRepository.using(cfg, clock).insert(null, reason, company);
                UUID eastId = Ids.newId(clock);
                OrgUnit east = new OrgUnit(eastId, companyId, "华东大区", OrgUnit.Kind.REGION,
                        company.childPath(eastId), null);
                OrgUnitRepository.using(cfg, clock).insert(null, reason, east);
                User manager = new User(Ids.newId(clock), "li", "李经理", Role.MANAGER, eastId, east.name(),
                        east.path(), null);
                User rep = new User(Ids.newId(clock), "wang", "王一", Role.REP, eastId, east.name(), east.path(),
                        manager.id());
                UserRepository.using(cfg, clock).insert(null, reason, manager, null, null);
                UserRepository.using(cfg, clock).insert(null, reason, rep, null, null);
                return new User[] {rep, manager};
            });
            Customer customer = customers(db).create(people[0].asActor(),
                    new CustomerDraft(HOSPITAL, null, Tier.B, "HOSPITAL", "320508", null, null, people[0].id()));
            return new Team(people[0].asActor(), people[1].asActor(), customer);
        }
    }

    private int run(Path branch, String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(concat(new String[] {"--data-dir", branch.toString(), "--passphrase-env",
                PASSPHRASE_ENV, "sync"}, args));
    }

    private static String[] concat(String[] first, String... then) {
        return Stream.concat(Stream.of(first), Stream.of(then)).toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
