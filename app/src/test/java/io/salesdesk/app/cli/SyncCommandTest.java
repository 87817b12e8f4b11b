package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Customer;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
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

    @Test
    void aBranchCreatesItsReplicaByOrgUnitNameAndSyncsTheHeadOfficesChanges() {
        Path hubDir = dir.resolve("hq");
        Customer customer;
        try (Database hub = Database.open(DatabaseConfig.embedded(hubDir))) {
            User rep = org(hub);
            customer = new CustomerService(hub, clock, new RegionService(hub)).create(rep.asActor(),
                    new CustomerDraft("苏州第一医院", null, Tier.B, "HOSPITAL", "320508", null, null, rep.id()));
        }
        String hubUrl = DatabaseConfig.embedded(hubDir).url();
        String branch = dir.resolve("branch").toString();

        int created = run("--data-dir", branch, "sync", "--hub-url", hubUrl, "--create", "--org-unit", "华东大区");
        int synced = run("--data-dir", branch, "sync", "--hub-url", hubUrl);

        assertThat(err.toString()).isEmpty();
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
            org(hub);
        }
        int exit = run("--data-dir", dir.resolve("branch").toString(), "sync", "--hub-url",
                DatabaseConfig.embedded(hubDir).url(), "--create", "--org-unit", "西北大区");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("西北大区");
    }

    private User org(Database hub) {
        return hub.transactionResult(cfg -> {
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId), null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, company);
            UUID eastId = Ids.newId(clock);
            OrgUnit east = new OrgUnit(eastId, companyId, "华东大区", OrgUnit.Kind.REGION, company.childPath(eastId), null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, east);
            User rep = new User(Ids.newId(clock), "wang", "王一", Role.REP, eastId, east.name(), east.path(), null);
            UserRepository.using(cfg, clock).insert(null, reason, rep, null, null);
            return rep;
        });
    }

    private int run(String... args) {
        CommandLine commandLine = SalesDeskCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
