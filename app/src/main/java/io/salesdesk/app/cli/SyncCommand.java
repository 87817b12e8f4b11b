package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.sync.HubProbe;
import io.salesdesk.app.sync.SyncAttempt;
import io.salesdesk.app.sync.UnsyncedExport;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceKey;
import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import io.salesdesk.sync.LocalHub;
import io.salesdesk.sync.ObservedHub;
import io.salesdesk.sync.ReplicaSettings;
import io.salesdesk.sync.SyncConflict;
import io.salesdesk.sync.SyncConflictService;
import io.salesdesk.sync.SyncService;
import io.salesdesk.sync.SyncedRows;
import io.salesdesk.sync.TravelChange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk sync --profile HQ}: syncs this workspace, a branch replica, with the head office's
 * database (docs/decisions.md, decision 6), named by a connection profile (its password unsealed from
 * the profile store, decision 4) or by {@code --hub-url}; with neither, the hub profile the replica
 * remembers. {@code --create --org-unit ID} makes the workspace a new replica of that unit's subtree;
 * {@code --conflicts} lists the hub's open conflicts; {@code --export-unsynced FILE} writes the changes
 * not yet sent to a sheet.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync this branch replica with the head-office database (or create it with --create). "
                + "The head office is --profile NAME (a connection profile) or --hub-url.")
public final class SyncCommand implements Callable<Integer> {

    /** Exit code: the hub did not answer, or the line dropped part way (what was synced is kept). */
    static final int OFFLINE = 3;
    /** Exit code: the replica is past the hub's retention limit. */
    static final int EXPIRED = 4;

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--hub-url", paramLabel = "JDBC_URL",
            description = "The head-office database, e.g. jdbc:postgresql://hq/salesdesk or jdbc:hsqldb:hsql://hq/salesdesk"
                    + " (instead of --profile).")
    String hubUrl;

    @Option(names = "--hub-user", description = "User name for --hub-url.")
    String hubUser;

    @Option(names = "--hub-password", description = "Password for --hub-url.", interactive = true, arity = "0..1")
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

    @Option(names = "--export-unsynced", paramLabel = "FILE",
            description = "Write the local changes not yet synced to FILE (.xlsx or .csv); no connection needed.")
    Path exportUnsynced;

    /** Where the hub is, and how to check quickly that it answers. */
    private record Hub(DatabaseConfig config, BooleanSupplier reachable, String profile) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        DatabaseOptions options = root.databaseOptions();
        // With --hub-url, --profile may name this workspace as on any command; otherwise it names the hub.
        // A replica being created is not unlocked (it has no key yet); encryptedByDefault decides.
        DatabaseConfig located = hubUrl != null && !hubUrl.isBlank() ? options.located()
                : options.configWithoutProfile(options.profile().orElse(null));
        DatabaseConfig local = create ? located : options.unlocked(located);
        if (exportUnsynced != null) {
            try (Database replica = Database.open(local)) {
                List<TravelChange> unsynced = new SyncService(replica, clock).unsyncedChanges();
                UnsyncedExport.write(unsynced, exportUnsynced);
                out.println(I18n.get("cli.sync.exported", unsynced.size(), exportUnsynced.toAbsolutePath()));
            }
            return 0;
        }
        if (create) {
            return create(out, err, clock, local);
        }
        if (conflicts) {
            Hub hub = hub(Optional.empty());
            try (Database hubDb = Database.open(hub.config())) {
                List<SyncConflict> open = new SyncConflictService(hubDb, clock).open();
                out.println(I18n.get("cli.sync.conflicts", open.size()));
                open.forEach(c -> out.println(I18n.get("cli.sync.conflict",
                        I18n.get("sync.conflicts.entity." + c.entity().name()), c.entityId(), fieldWords(c),
                        valueWords(c, c.hubValue()), c.changedByName() != null ? c.changedByName()
                                : I18n.get("cli.sync.aBranch"), valueWords(c, c.incomingValue()),
                        I18n.get("sync.conflicts.kind." + c.kind().name()))));
            }
            return 0;
        }
        try (Database replica = Database.open(local)) {
            Optional<String> remembered = replica.transactionResult(cfg -> ReplicaSettings.using(cfg).hubProfile());
            Hub hub = hub(remembered);
            out.println(I18n.get("cli.sync.start", hub.profile() != null ? hub.profile() : hub.config().url()));
            SyncAttempt attempt = new SyncAttempt(replica, clock, pageLines(out));
            SyncAttempt.Result result = attempt.run(hub.config(), hub.reachable());
            return switch (result.outcome()) {
                case DONE -> {
                    if (remembered.isEmpty()) {
                        // The first sync names the replica's hub for the app's 立即同步.
                        rememberHub(replica, hub, out);
                    }
                    out.println(I18n.get("cli.sync.done", result.pushed(), result.pulled(), result.conflicts()));
                    yield 0;
                }
                case OFFLINE -> {
                    err.println(I18n.get("cli.sync.offline", result.message()));
                    yield OFFLINE;
                }
                case INTERRUPTED -> {
                    err.println(I18n.get("cli.sync.interrupted", result.pushed(), result.pulled(), result.message()));
                    yield OFFLINE;
                }
                case EXPIRED -> {
                    int waiting = new SyncService(replica, clock).unsyncedChanges().size();
                    err.println(result.message());
                    err.println(I18n.get("cli.sync.exportFirst", waiting, local.dataDir() == null ? ""
                            : "--data-dir " + local.dataDir() + " ", "unsynced-" + LocalDate.now() + ".xlsx"));
                    yield EXPIRED;
                }
                case CANCELLED, FAILED -> {
                    err.println(result.message());
                    yield 2;
                }
            };
        }
    }

    private Integer create(PrintWriter out, PrintWriter err, Clock clock, DatabaseConfig local) {
        if (orgUnit == null) {
            err.println(I18n.get("cli.sync.createNeedsUnit"));
            return 2;
        }
        Hub hub = hub(Optional.empty());
        if (!hub.reachable().getAsBoolean()) {
            err.println(I18n.get("cli.sync.offline", I18n.get("sync.offline.reason", hub.config().url())));
            return OFFLINE;
        }
        try (Database hubDb = Database.open(hub.config())) {
            LocalHub lh = new LocalHub(hubDb, clock);
            UUID unit = lh.orgUnit(orgUnit);
            DatabaseConfig replicaConfig = encryptedByDefault(local);
            try (Database replica = SyncService.createReplica(lh, replicaConfig, unit, clock, SyncService.DEFAULT_PAGE)) {
                out.println(I18n.get("cli.sync.created", local.dataDir(), orgUnit, SyncedRows.read(replica).size()));
                rememberHub(replica, hub, out);
            }
        }
        return 0;
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
            return root.databaseOptions().unlocked(local);
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

    /**
     * Makes the replica remember its hub for the app: the profile it was reached by, or for
     * --hub-url a profile saved for that server ({@link HubUrlProfile}).
     */
    private void rememberHub(Database replica, Hub hub, PrintWriter out) {
        Optional<String> name = hub.profile() != null ? Optional.of(hub.profile())
                : HubUrlProfile.remember(ProfileCommand.profiles(), hubUrl, hubUser, hubPassword,
                        I18n.get("cli.sync.hubProfileName"));
        name.ifPresent(n -> {
            replica.transaction(cfg -> ReplicaSettings.using(cfg).setHubProfile(n));
            if (hub.profile() == null) {
                out.println(I18n.get("cli.sync.hubRemembered", n));
            }
        });
    }

    /** --hub-url, else --profile, else the profile the replica remembers. */
    private Hub hub(Optional<String> remembered) {
        if (hubUrl != null && !hubUrl.isBlank()) {
            DatabaseConfig config = DatabaseConfig.server(hubUrl, hubUser, hubPassword);
            return new Hub(config, () -> HubProbe.reachable(config), null);
        }
        String name = root.databaseOptions().profile().or(() -> remembered)
                .orElseThrow(() -> new SalesDeskException("error.syncNoHub"));
        ConnectionProfiles profiles = ProfileCommand.profiles();
        ConnectionProfile profile = profiles.find(name)
                .orElseThrow(() -> new SalesDeskException("error.profile.unknown", name));
        return new Hub(profiles.config(name), () -> HubProbe.reachable(profile), name);
    }

    /** One line per page, so a branch offline for months sees the sync move. */
    private static ObservedHub.Progress pageLines(PrintWriter out) {
        return new ObservedHub.Progress() {
            private int pushPages;
            private int pullPages;

            @Override
            public void pushed(int changes) {
                out.println(I18n.get("cli.sync.pushedPage", ++pushPages, changes));
                out.flush();
            }

            @Override
            public void pulled(int rows, boolean more) {
                out.println(I18n.get("cli.sync.pulledPage", ++pullPages, rows));
                out.flush();
            }
        };
    }

    /** A field as the conflicts view names it; a custom field by its key (the hub's labels need a signed-in view). */
    private static String fieldWords(SyncConflict c) {
        // An entity's own label first, as in the conflicts view: a task's title is 标题, a contact's 职务.
        String own = "sync.field." + c.entity().name() + "." + c.field();
        String key = I18n.has(own) ? own : "sync.field." + c.field();
        return I18n.has(key) ? I18n.get(key) : c.field();
    }

    private static String valueWords(SyncConflict c, String value) {
        if (value == null || value.isEmpty()) {
            return I18n.get("sync.conflicts.empty");
        }
        String key = "sync.value." + c.entity().name() + "." + c.field() + "." + value;
        return I18n.has(key) ? I18n.get(key) : io.salesdesk.app.common.Formats.recordedValue(value);
    }
}
