package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.backup.DatabaseRestore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk restore FILE}: verifies the backup and only then makes it the workspace's database;
 * the database it replaces is kept beside it.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Verify a backup and make it the workspace's database (the current one is kept aside).")
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A backup made by salesdesk backup.")
    Path file;

    @Override
    public Integer call() {
        DatabaseConfig config = root.locatedConfig();
        BackupCommand.refuseServers(config);
        // The backup's own passphrase (its key header is in the archive), asked only for an encrypted one.
        boolean encryptedBackup = DatabaseRestore.isEncrypted(file.toAbsolutePath());
        boolean encryptedNow = config.isEncrypted();
        char[] passphrase = encryptedBackup
                ? Passphrases.existing(root.database.passphraseEnv, System.getenv(), System.console()) : null;
        DatabaseRestore.Result result = DatabaseRestore.restore(file.toAbsolutePath(), config.dataDir(),
                Clock.systemUTC(), passphrase);
        spec.commandLine().getOut().println(I18n.get("cli.restore.done", file.toString(),
                result.manifest().schemaVersion(), result.manifest().totalRows(),
                result.previous() == null ? "-" : result.previous().toString()));
        if (encryptedNow && !encryptedBackup) {
            // A plain backup makes the workspace plain again: say so, rather than let it pass unnoticed.
            spec.commandLine().getErr().println(I18n.get("cli.restore.nowPlain", config.dataDir().toString()));
        }
        return 0;
    }
}
