package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.backup.BackupRotation;
import io.salesdesk.db.backup.DatabaseBackup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code salesdesk backup [--to DIR]}: a verified backup archive of the embedded workspace. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the embedded workspace to a zip with a manifest (schema, row counts, checksums).")
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "DIR", description = "Folder for the backup (default: DATA_DIR/backups).")
    Path to;

    @Override
    public Integer call() {
        DatabaseConfig config = root.databaseConfig();
        refuseServers(config);
        try (Database db = Database.open(config)) {
            DatabaseBackup.Result made = DatabaseBackup.create(db,
                    to != null ? to.toAbsolutePath() : BackupRotation.folder(config.dataDir()), "manual", Clock.systemUTC());
            spec.commandLine().getOut().println(I18n.get("cli.backup.done", made.archive().toString(),
                    made.manifest().schemaVersion(), made.manifest().totalRows(), made.manifest().rowCounts().size()));
        }
        return 0;
    }

    /** Backups and restores of a shared database are its administrator's job, on the server. */
    static void refuseServers(DatabaseConfig config) {
        if (config.isPostgres()) {
            throw new SalesDeskException("error.backup.postgres");
        }
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED) {
            throw new SalesDeskException("error.backup.notEmbedded");
        }
    }
}
