package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceEncryption;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk encrypt}: encrypts the embedded workspace's files with a key from a passphrase
 * (from {@code --passphrase-env} or typed twice). A verified backup comes first; the plain files go only
 * after the encrypted copy opened and its row counts matched.
 */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = "Encrypt the embedded workspace's data files with a passphrase (give it with --passphrase-env VAR, or type it).")
public final class EncryptCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseConfig config = root.locatedConfig();
        BackupCommand.refuseServers(config);
        char[] passphrase = Passphrases.chooseNew(root.database.passphraseEnv, System.getenv(), System.console());
        try {
            WorkspaceEncryption.Result result = WorkspaceEncryption.encrypt(config.dataDir(), passphrase,
                    WorkspaceKey.Cost.DEFAULT, Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            out.println(I18n.get("cli.encrypt.done", config.dataDir().toString(), result.totalRows(),
                    result.backup().toString(), result.removed().size()));
            Path reports = config.dataDir().resolve("reports");
            if (Files.isDirectory(reports)) {
                out.println(I18n.get("cli.encrypt.reports", reports.toString()));
            }
            return 0;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
