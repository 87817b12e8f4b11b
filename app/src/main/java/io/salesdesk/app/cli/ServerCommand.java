package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.DatabaseServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk server}: serves this workspace's database to a small team until Ctrl-C. Clients
 * sign in as {@code --db-user} (default salesdesk) with the password in the environment variable named
 * by {@code --db-password-env} (default SALESDESK_DB_PASSWORD); a password is never an argument.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve this workspace's database (HSQLDB server) to a team; Ctrl-C stops it cleanly.")
public final class ServerCommand implements Callable<Integer> {

    /** The password's environment variable when --db-password-env is not given. */
    public static final String DEFAULT_PASSWORD_ENV = "SALESDESK_DB_PASSWORD";
    static final String DEFAULT_USER = "salesdesk";

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9001", description = "TCP port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls", description = "Encrypt connections (clients use jdbc:hsqldb:hsqls://).")
    boolean tls;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Java key store (PKCS12/JKS) with the server's key, for --tls.")
    Path keystore;

    @Option(names = "--keystore-password-env", paramLabel = "VAR", defaultValue = "SALESDESK_KEYSTORE_PASSWORD",
            description = "Environment variable with the key store's password (default ${DEFAULT-VALUE}).")
    String keystorePasswordEnv;

    @Override
    public Integer call() throws InterruptedException {
        DatabaseConfig config = root.locatedConfig();
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED) {
            throw new SalesDeskException("error.server.notEmbedded");
        }
        if (config.isEncrypted()) {
            // The server's clients would each need the key; a served folder belongs on a guarded machine.
            throw new SalesDeskException("error.server.encrypted", config.dataDir());
        }
        String user = root.database.dbUser == null ? DEFAULT_USER : root.database.dbUser;
        String passwordEnv = root.database.dbPasswordEnv == null ? DEFAULT_PASSWORD_ENV : root.database.dbPasswordEnv;
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new SalesDeskException("error.server.passwordEnv", passwordEnv);
        }
        if (tls) {
            useKeystore();
        }
        DatabaseServer server = DatabaseServer.start(config.dataDir(),
                new DatabaseServer.Options(port, user, password, tls));
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: SHUTDOWN the database before the JVM ends, so its files are consistent.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "salesdesk-server-stop"));
        var out = spec.commandLine().getOut();
        out.println(I18n.get("cli.server.started", config.dataDir().toString(), server.url(), user, passwordEnv));
        out.flush();
        stopped.await();
        return 0;
    }

    // HSQLDB's TLS takes its key from the JVM's standard key store properties.
    private void useKeystore() {
        if (keystore == null) {
            throw new SalesDeskException("error.server.keystore");
        }
        String password = System.getenv(keystorePasswordEnv);
        if (password == null) {
            throw new SalesDeskException("error.server.passwordEnv", keystorePasswordEnv);
        }
        System.setProperty("javax.net.ssl.keyStore", keystore.toAbsolutePath().toString());
        System.setProperty("javax.net.ssl.keyStorePassword", password);
    }
}
