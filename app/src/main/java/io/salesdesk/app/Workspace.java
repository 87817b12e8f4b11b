package io.salesdesk.app;

import io.salesdesk.app.ledgers.WorkspaceLedgers;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/** Finds the data folder, opens the database and builds the {@link AppContext}. */
public final class Workspace {

    /** Customers in the demo workspace made on first start. */
    public static final int DEMO_CUSTOMERS = 2000;
    /** Seed of the demo workspace, so every first start shows the same organisation. */
    public static final long DEMO_SEED = 20260101L;


    private Workspace() {
    }

    /**
     * The data folder: the given one, else {@code SALESDESK_HOME}, else the OS convention
     * ({@code %APPDATA%\SalesDesk}, {@code ~/Library/Application Support/SalesDesk},
     * {@code $XDG_DATA_HOME/salesdesk}).
     */
    public static Path dataDir(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String home = env.get("SALESDESK_HOME");
        if (home != null && !home.isBlank()) {
            return Paths.get(home).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String userHome = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = env.getOrDefault("APPDATA", userHome);
            return Paths.get(appData, "SalesDesk");
        }
        if (os.contains("mac")) {
            return Paths.get(userHome, "Library", "Application Support", "SalesDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Paths.get(userHome, ".local", "share") : Paths.get(xdg))
                .resolve("salesdesk");
    }

    /**
     * Creates the demo organisation in an empty workspace (first run's 从演示工作区开始), telling
     * {@code progress} each step's name and index as it starts; returns the names of all steps.
     * The database is closed afterwards.
     */
    public static void createDemo(DatabaseConfig config, Clock clock, java.util.function.BiConsumer<String, Integer> progress) {
        try (Database db = Database.open(config)) {
            new DemoSteps(db, clock, DEMO_SEED, DEMO_CUSTOMERS).createOrResume(progress);
        }
    }

    /** The names of the demo's steps, in the order {@link #createDemo} makes them. */
    public static java.util.List<String> demoSteps() {
        return new DemoSteps(null, Clock.systemUTC(), DEMO_SEED, DEMO_CUSTOMERS).stepNames();
    }

    /**
     * Opens the database and, on an empty embedded workspace, creates the demo organisation (or
     * finishes it when an earlier start was closed half-way).
     */
    public static AppContext open(DatabaseConfig config, boolean demoIfEmpty, Clock clock, Executor executor) {
        Database db = Database.open(config);
        try {
            if (demoIfEmpty) {
                new DemoSteps(db, clock, DEMO_SEED, DEMO_CUSTOMERS).createOrResume();
            }
            UserService users = new UserService(db, clock);
            AppContext context = new AppContext(db, clock, executor, null);
            // Where people sign in, nobody works until they have; elsewhere the app starts as a user.
            if (!context.signInRequired()) {
                users.defaultUser(DemoWorkspace.DEFAULT_USER).ifPresent(context::setCurrentUser);
            }
            WorkspaceLedgers.rollBackUnfinishedImports(context);
            return context;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
