package io.salesdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.app.common.I18n;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ReplicaExpiredException;
import io.salesdesk.sync.SyncConflict;
import io.salesdesk.sync.SyncConflictService;
import io.salesdesk.sync.SyncReport;
import io.salesdesk.sync.SyncService;
import io.salesdesk.sync.SyncedRows;
import io.salesdesk.sync.TravelChange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    @Option(names = "--no-encrypt",
            description = "With --create: leave the replica's files unencrypted (not advised: a lost laptop then gives its data away).")
    boolean noEncrypt;

    @Option(names = "--conflicts", description = "List the head office's open sync conflicts.")
    boolean conflicts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        DatabaseConfig local = create ? root.locatedConfig() : root.databaseConfig();
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
                local = encryptedByDefault(local);
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

    /**
     * A branch replica lives on a laptop that travels, so it is created encrypted (docs/decisions.md,
     * decision 7) unless {@code --no-encrypt}; a folder that already holds a plain database stays as it
     * is, with a warning ({@code salesdesk encrypt} converts it).
     */
    private DatabaseConfig encryptedByDefault(DatabaseConfig local) {
        if (local.mode() != DatabaseConfig.Mode.EMBEDDED) {
            return local;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (local.isEncrypted()) {
            return WorkspaceKey.unlock(local, Passphrases.existing(root.database.passphraseEnv, System.getenv(),
                    System.console()));
        }
        if (noEncrypt) {
            err.println(I18n.get("cli.sync.notEncrypted"));
            return local;
        }
        if (Files.exists(local.dbDir().resolve("salesdesk.properties"))) {
            err.println(I18n.get("cli.sync.plainExists", local.dataDir().toString()));
            return local;
        }
        char[] passphrase = Passphrases.chooseNew(root.database.passphraseEnv, System.getenv(), System.console());
        try {
            WorkspaceKey key = WorkspaceKey.create(passphrase, WorkspaceKey.Cost.DEFAULT);
            key.writeHeader(local.dbDir());
            spec.commandLine().getOut().println(I18n.get("cli.sync.encrypted"));
            return local.withCryptKey(key.hsqldbKey());
        } finally {
            Arrays.fill(passphrase, '\0');
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
