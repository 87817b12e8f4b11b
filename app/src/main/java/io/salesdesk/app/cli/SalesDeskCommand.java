package io.salesdesk.app.cli;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.Workspace;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.firstrun.FirstRun;
import io.salesdesk.app.firstrun.FirstRunWindow;
import io.salesdesk.app.firstrun.ProfileFile;
import io.salesdesk.app.instance.IncompleteClassArchive;
import io.salesdesk.app.instance.WindowOwnership;
import io.salesdesk.app.instance.WindowRequest;
import io.salesdesk.app.instance.WindowRequests;
import io.salesdesk.app.shell.FxStartup;
import io.salesdesk.app.shell.SalesDeskApplication;
import io.salesdesk.app.signin.PassphraseDialog;
import io.salesdesk.app.signin.StartUser;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.backup.BackupSchedule;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code salesdesk}: with no command it opens the window on the workspace. */
@Command(name = "salesdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "SalesDesk: sales operations for teams moving off Excel ledgers.")
public final class SalesDeskCommand implements Callable<Integer> {

    /**
     * The commands. They are added in code, not in the annotation, so a start that opens the window
     * builds none of them: picocli builds every command's model by reflection from classes the class
     * data archive cannot hold (picocli's are Java 5 bytecode), time on the main thread before the window.
     */
    private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, InfoCommand.class,
            BenchCommand.class, ImportCommand.class, ImportCommand.History.class, ExportCommand.class,
            LeadCommand.class, ApprovalCommand.class, RegionCommand.class, KpiCommand.class, ReportCommand.class,
            ServerCommand.class, ProfileCommand.class, BackupCommand.class, RestoreCommand.class,
            SyncCommand.class, EncryptCommand.class, DecryptCommand.class, UserCommand.class);

    /** How long a second start waits for a window that is itself still starting on the same workspace. */
    private static final java.time.Duration HANDOFF_PATIENCE = java.time.Duration.ofSeconds(10);

    /** Exit code meaning "the window is open; do not exit the JVM". */
    public static final int WINDOW_OPENED = -1;

    private static final Logger LOG = LoggerFactory.getLogger(SalesDeskCommand.class);

    @Mixin
    DatabaseOptions database;

    /** The database the options point at. */
    DatabaseConfig databaseConfig() {
        return database.config();
    }

    /** The database options themselves, for a command that reads {@code --profile} its own way. */
    DatabaseOptions databaseOptions() {
        return database;
    }

    /** The database the options point at, an encrypted workspace not yet unlocked (nothing asked). */
    DatabaseConfig locatedConfig() {
        return database.located();
    }

    @Option(names = "--user", paramLabel = "USERNAME",
            description = "Start as this user; where people sign in, the user to sign in as.")
    String username;

    @Option(names = "--password-env", scope = ScopeType.INHERIT, paramLabel = "VAR",
            description = "Where people sign in: the environment variable holding --user's password (never typed on the command line).")
    String passwordEnv;

    private volatile BackupSchedule dailyBackups;
    private java.nio.file.Path windowFolder;
    private WindowOwnership chosenAtFirstRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile-file", paramLabel = "FILE",
            description = "For IT: set up a connection profile and the language from this JSON or properties file on first start (the password from the environment variable it names); also before a command (salesdesk --profile-file FILE info).")
    java.nio.file.Path profileFile;

    // A file, not a command: picocli takes a word that names a subcommand as the subcommand first.
    @Parameters(arity = "0..1", paramLabel = "TEMPLATE_FILE",
            description = "A SalesDesk template (.sdtemplate) to install: the window opens as usual, then shows what the template adds (a double-click on the file does this).")
    java.nio.file.Path templateFile;

    @Option(names = "--exit-after-shown", hidden = true,
            description = "Close as soon as the main window is shown and print the time it took (for bench startup).")
    boolean exitAfterShown;

    /** The command line with every command and SalesDesk's error handling. */
    public static CommandLine commandLine() {
        CommandLine commandLine = rootCommandLine();
        COMMANDS.forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /**
     * The command line of a start that opens the window: the root options only. Arguments it does
     * not understand (a mistyped command) are explained by the full command line, with its
     * suggestions.
     */
    public static CommandLine windowCommandLine() {
        CommandLine commandLine = rootCommandLine();
        commandLine.setParameterExceptionHandler((e, args) -> commandLine().execute(args));
        return commandLine;
    }

    private static CommandLine rootCommandLine() {
        I18n.setLocale(AppearancePreferences.Language.forLocale(java.util.Locale.getDefault()).locale());
        SalesDeskCommand root = new SalesDeskCommand();
        CommandLine commandLine = new CommandLine(root);
        // --profile-file is set up before whatever runs, the window or a command (salesdesk
        // --profile-file F info sets it up without a window, e.g. from a deployment script).
        commandLine.setExecutionStrategy(parsed -> {
            if (root.profileFile != null && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
                try {
                    ProfileFile.read(root.profileFile).apply(ProfileCommand.profiles(), AppearancePreferences.load(),
                            System.getenv());
                } catch (SalesDeskException e) {
                    throw new CommandLine.ExecutionException(commandLine, e.getMessage(), e);
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SalesDeskException domain) {
                cmd.getErr().println(I18n.message(domain));
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    /** The template file to open once the window is up, absolute, so a message names it in full. */
    public java.util.Optional<java.nio.file.Path> templateFile() {
        return java.util.Optional.ofNullable(templateFile).map(f -> f.toAbsolutePath().normalize());
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        checkTemplateFile();
        // The benchmark's start measures a window of its own and must never be handed to a running one.
        windowFolder = windowFolder(database.located());
        WindowOwnership window = exitAfterShown ? null : WindowOwnership.claim(windowFolder,
                templateFile().map(WindowRequest::open).orElseGet(WindowRequest::show), WindowRequests.app()::send,
                HANDOFF_PATIENCE);
        if (window != null && window.handedOff()) {
            // The window already open on this workspace comes to the front and shows the file.
            IncompleteClassArchive.mark(ManagementFactory.getRuntimeMXBean().getInputArguments());
            return 0;
        }
        try {
            return openWindow(started);
        } finally {
            if (window != null) {
                window.close();
            }
            if (chosenAtFirstRun != null) {
                chosenAtFirstRun.close();
            }
        }
    }

    /**
     * The company's server chosen at first run becomes the workspace later starts name (the profile to
     * start with), so this window takes that one too; unless a window already has it.
     */
    private void ownChosenWorkspace(DatabaseConfig chosen) {
        java.nio.file.Path folder = windowFolder(chosen);
        if (!exitAfterShown && !folder.equals(windowFolder) && !WindowOwnership.isTaken(folder)) {
            chosenAtFirstRun = WindowOwnership.claim(folder, WindowRequest.show(), WindowRequests.app()::send,
                    java.time.Duration.ZERO);
        }
    }

    /**
     * The folder that decides "the same workspace" for {@link WindowOwnership}: the data folder, or,
     * for a shared database, a folder for its URL and user under this machine's data folder.
     */
    static java.nio.file.Path windowFolder(DatabaseConfig located) {
        if (located.dataDir() != null) {
            return located.dataDir().toAbsolutePath().normalize();
        }
        String key = located.url() + "\n" + located.user();
        java.util.UUID id = java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Workspace.dataDir(null, System.getenv()).resolve("windows").resolve(id.toString());
    }

    private int openWindow(long started) {
        ExecutorService background = Executors.newFixedThreadPool(3, daemonThreads());
        DatabaseConfig located = database.configForWindow();
        if (!exitAfterShown && !database.namesADatabase() && FirstRun.isNew(located)) {
            FxStartup.await();
            Optional<DatabaseConfig> chosen = FirstRunWindow.ask(located.dataDir(), AppearancePreferences.load(),
                    ProfileCommand.profiles(), background);
            if (chosen.isEmpty()) {
                background.shutdownNow();
                return 0;
            }
            located = chosen.get();
            ownChosenWorkspace(located);
        }
        DatabaseConfig start = located;
        // The database opens (and the customer list loads) while JavaFX starts up.
        Future<AppContext> opening = background.submit(() -> {
            // An encrypted workspace waits for its passphrase, asked in a dialog before anything else.
            DatabaseConfig config = start.isEncrypted() && start.cryptKey() == null
                    ? PassphraseDialog.unlock(start) : start;
            AppContext context = Workspace.open(config, true, Clock.systemUTC(), background);
            LOG.info("Workspace open {} ms after start", (System.nanoTime() - started) / 1_000_000);
            if (start.mode() == DatabaseConfig.Mode.EMBEDDED) {
                // The first check waits a few minutes, so a backup never competes with the start.
                dailyBackups = BackupSchedule.start(context.database(), Clock.systemUTC(), 5);
            }
            StartUser.choose(context, username, passwordEnv, System.getenv());
            // The list loads once the window is on screen: before, it would take a core from the
            // window's first styling and layout on a two-core machine. The first query waits for it.
            SalesDeskApplication.shown().thenRunAsync(() -> {
                context.customers().preloadList();
                LOG.info("Customer list loaded {} ms after start", (System.nanoTime() - started) / 1_000_000);
            }, background);
            return context;
        });
        SalesDeskApplication.launch(opening, started, exitAfterShown, templateFile().orElse(null));
        closeWhenOpened(opening);
        background.shutdownNow();
        if (SalesDeskApplication.failed()) {
            return 2;
        }
        if (exitAfterShown) {
            // From JVM start, so the benchmark sees what the user waits for.
            long jvmToCall = ManagementFactory.getRuntimeMXBean().getUptime()
                    - (System.nanoTime() - started) / 1_000_000;
            System.out.println(BenchCommand.STARTUP_PREFIX + (jvmToCall + SalesDeskApplication.startupMillis()));
            System.out.println(BenchCommand.READY_PREFIX + (jvmToCall + SalesDeskApplication.readyMillis()));
        }
        return 0;
    }

    /**
     * A mistyped command ({@code salesdesk imprt}) would otherwise open the window to say that no
     * template file "imprt" exists: a word that is no file and does not look like one is refused here.
     * A template file that went missing is explained in the window, in the user's language.
     */
    private void checkTemplateFile() {
        if (templateFile == null || java.nio.file.Files.exists(templateFile)) {
            return;
        }
        String name = templateFile.toString();
        boolean looksLikeFile = name.contains("/") || name.contains(java.io.File.separator) || name.contains(".");
        if (!looksLikeFile) {
            throw new CommandLine.ParameterException(spec.commandLine(), I18n.get("cli.unknownCommand", name));
        }
    }

    private void closeWhenOpened(Future<AppContext> opening) {
        try {
            AppContext context = opening.get();
            if (dailyBackups != null) {
                dailyBackups.close();
            }
            context.customers().saveListSnapshot();
            context.database().close();
        } catch (ExecutionException e) {
            LOG.debug("The workspace never opened", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "salesdesk-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
