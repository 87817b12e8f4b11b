package io.salesdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.crm.UserService;
import io.salesdesk.board.demo.DemoBoards;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;

/**
 * A real embedded workspace for UI and view-model tests: HSQLDB in a temporary folder with the demo
 * organisation, a fixed clock (a weekday morning in Shanghai) and a same-thread executor.
 */
public final class UiTestWorkspace implements AutoCloseable {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    public static final Executor SAME_THREAD = Runnable::run;

    static {
        // Monocle's headless screen is 1280x800 by default; the main window is 1400x900.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final AppContext context;
    private final Preferences preferencesNode;

    private UiTestWorkspace(Path dir, int customers) {
        Database db = Database.open(DatabaseConfig.embedded(dir));
        new DemoWorkspace(db, CLOCK).create(42, customers);
        new DemoBoards(db, CLOCK).create(42);
        UserService users = new UserService(db, CLOCK);
        context = new AppContext(db, CLOCK, SAME_THREAD, users.defaultUser(DemoWorkspace.DEFAULT_USER).orElseThrow());
        preferencesNode = Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID());
    }

    /**
     * Takes the scenes off the test windows first, so what their pages keep running (the badge's and
     * the inbox's refresh timers) stops instead of reading a closed workspace while later tests run.
     */
    private static void detachWindows() {
        FutureTask<Void> detach = new FutureTask<>(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window instanceof Stage stage) {
                    stage.setScene(null);
                }
            }
            return null;
        });
        try {
            Platform.runLater(detach);
        } catch (IllegalStateException noToolkit) {
            return; // a view-model test: no window was ever opened
        }
        try {
            detach.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The test windows could not be detached", e);
        }
    }

    /** Call from a UI test's static initialiser, before the FX toolkit starts. */
    public static void prepareHeadlessScreen() {
        // the static initialiser above has run by now
    }

    /**
     * A workspace and the main window on it for a class of TestFX tests, to register with
     * {@code @RegisterExtension}: see {@link MainWindowFixture}.
     */
    public static MainWindowFixture withMainWindow() {
        return new MainWindowFixture();
    }

    public static UiTestWorkspace create(Path dir) {
        return new UiTestWorkspace(dir, 300);
    }

    public AppContext context() {
        return context;
    }

    /** Chinese and light, in a throwaway preferences node (the user's own stay untouched). */
    public AppearancePreferences appearance() {
        AppearancePreferences appearance = AppearancePreferences.load(preferencesNode, Locale.SIMPLIFIED_CHINESE);
        appearance.setLanguage(AppearancePreferences.Language.CHINESE);
        appearance.setTheme(AppearancePreferences.Theme.LIGHT);
        return appearance;
    }

    @Override
    public void close() {
        detachWindows();
        context.database().close();
        try {
            preferencesNode.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // A leftover test node is harmless.
        }
    }
}
