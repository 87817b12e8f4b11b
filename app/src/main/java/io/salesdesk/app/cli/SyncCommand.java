package io.salesdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ReplicaExpiredException;
import io.salesdesk.sync.SyncConflict;
import io.salesdesk.sync.SyncConflictService;
import io.salesdesk.sync.SyncReport;
import io.salesdesk.sync.SyncService;
import io.salesdesk.sync.SyncedRows;
import io.salesdesk.sync.TravelChange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk sync --hub-url URL}: syncs this workspace, a branch replica, with the head
 * office's database (docs/decisions.md, decision 6); {@code --create --org-unit ID} makes the
 * workspace a new replica of that unit's subtree; {@code --conflicts} lists the hub's open conflicts.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync this branch replica with the head-office database (or create it with --create).")
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--hub-url", required = true, paramLabel = "JDBC_URL",
            description = "The head-office database, e.g. jdbc:postgresql://hq/salesdesk or jdbc:hsqldb:hsql://hq/salesdesk")
    String hubUrl;

    @Option(names = "--hub-user", description = "User name for the head-office database.")
    String hubUser;

    @Option(names = "--hub-password", description = "Password for the head-office database.", interactive = true,
            arity = "0..1")
    String hubPassword;

    @Option(names = "--create", description = "Create this workspace as a new replica of the org unit's subtree.")
    boolean create;

    @Option(names = "--org-unit", paramLabel = "ID_OR_NAME",
            description = "With --create: the org unit whose subtree the replica holds, by id or name (e.g. 华东大区).")
    String orgUnit;

    @Option(names = "--conflicts", description = "List the head office's open sync conflicts.")
    boolean conflicts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        DatabaseConfig local = root.databaseConfig();
        try (Database hubDb = Database.open(DatabaseConfig.server(hubUrl, hubUser, hubPassword))) {
            LocalHub hub = new LocalHub(hubDb, clock);
            if (conflicts) {
                List<SyncConflict> open = new SyncConflictService(hubDb, clock).open();
                out.println(I18n.get("cli.sync.conflicts", open.size()));
                open.forEach(c -> out.println(I18n.get("cli.sync.conflict", c.entity().table(), c.entityId(),
                        c.field(), c.hubValue(), c.changedByName(), c.incomingValue(), c.kind())));
                return 0;
            }
            if (create) {
                if (orgUnit == null) {
                    spec.commandLine().getErr().println("--create needs --org-unit ID");
                    return 2;
                }
                UUID unit = hub.orgUnit(orgUnit);
                try (Database replica = SyncService.createReplica(hub, local, unit, clock, SyncService.DEFAULT_PAGE)) {
                    out.println(I18n.get("cli.sync.created", local.dataDir(), orgUnit, SyncedRows.read(replica).size()));
                }
                return 0;
            }
            try (Database replica = Database.open(local)) {
                SyncService sync = new SyncService(replica, clock);
                try {
                    SyncReport report = sync.sync(hub);
                    out.println(I18n.get("cli.sync.done", report.pushed(), report.pulled(), report.conflicts()));
                    return 0;
                } catch (ReplicaExpiredException e) {
                    spec.commandLine().getErr().println(I18n.message(e));
                    List<TravelChange> unsynced = sync.unsyncedChanges();
                    Path file = exportUnsynced(local, unsynced);
                    out.println(I18n.get("cli.sync.exported", unsynced.size(), file));
                    return 2;
                }
            }
        }
    }

    private static Path exportUnsynced(DatabaseConfig local, List<TravelChange> changes) throws java.io.IOException {
        Path dir = local.dataDir() == null ? Path.of(".") : local.dataDir();
        Path file = dir.resolve("unsynced-" + LocalDate.now() + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), changes);
        return file;
    }
}
