package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.crypt.WorkspaceEncryption;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code salesdesk decrypt}: the reverse of {@code salesdesk encrypt}, with the workspace's passphrase. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Turn an encrypted embedded workspace back into plain files (needs its passphrase).")
public final class DecryptCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseConfig config = root.locatedConfig();
        BackupCommand.refuseServers(config);
        char[] passphrase = Passphrases.existing(root.database.passphraseEnv, System.getenv(), System.console());
        try {
            WorkspaceEncryption.Result result = WorkspaceEncryption.decrypt(config.dataDir(), passphrase, Clock.systemUTC());
            spec.commandLine().getOut().println(I18n.get("cli.decrypt.done", config.dataDir().toString(),
                    result.totalRows(), result.backup().toString()));
            return 0;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
