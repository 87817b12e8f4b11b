package io.salesdesk.app.shell;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.tasks.TaskReminders;
import io.salesdesk.app.inbox.WorkflowTimers;
import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.instance.WindowRequests;

/**
 * The JavaFX application: one main window over the context the composition root made. It runs on
 * a toolkit started by {@link FxStartup} (not {@code Application.launch}), so the toolkit can start
 * before the command line has even been parsed.
 */
public final class SalesDeskApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SalesDeskApplication.class);

    private static volatile Future<AppContext> context;
    private static volatile long startedNanos = System.nanoTime();
    private static volatile boolean exitAfterShown;
    private static volatile long startupMillis = -1;
    private static volatile long readyMillis = -1;
    private static final CompletableFuture<Void> SHOWN = new CompletableFuture<>();
    private static volatile boolean failed;
    private static volatile java.nio.file.Path templateFile;

    /**
     * Starts the UI while the workspace is still opening and returns when the window closes: the
     * window shows at once and its pages come when the workspace is open; one that cannot be
     * opened is reported in a dialog. With {@code exitAfterShown} it closes as soon as the first
     * page is on screen, for the start-up benchmark, which then reads {@link #startupMillis()} and
     * {@link #readyMillis()} (measured from {@code started}, a {@link System#nanoTime()}).
     */
    public static void launch(Future<AppContext> openingContext, long started, boolean exitAfterShown) {
        launch(openingContext, started, exitAfterShown, null);
    }

    /**
     * As {@link #launch(Future, long, boolean)}, then, once someone is signed in, shows the install plan
     * of {@code templateFile} (a template double-clicked on the desktop); {@code null} for none.
     */
    public static void launch(Future<AppContext> openingContext, long started, boolean exitAfterShown,
                              java.nio.file.Path templateFile) {
        SalesDeskApplication.templateFile = templateFile;
        context = Objects.requireNonNull(openingContext, "context");
        startedNanos = started;
        SalesDeskApplication.exitAfterShown = exitAfterShown;
        FxStartup.await();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> new SalesDeskApplication(closed).start(new Stage()));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final CountDownLatch closed;

    private SalesDeskApplication(CountDownLatch closed) {
        this.closed = closed;
    }

    /** Whether the workspace could not be opened (the user was told). */
    public static boolean failed() {
        return failed;
    }

    /** Milliseconds from start to the main window shown, or -1 before it was shown. */
    public static long startupMillis() {
        return startupMillis;
    }

    /** Completes when the main window is on screen. */
    public static CompletableFuture<Void> shown() {
        return SHOWN;
    }

    /** Milliseconds from start to the first page shown with the workspace open, or -1 before. */
    public static long readyMillis() {
        return readyMillis;
    }

    private void start(Stage stage) {
        LOG.info("JavaFX started {} ms after start", (System.nanoTime() - startedNanos) / 1_000_000);
        // The window shows at once; the pages come when the workspace is open (a large one takes
        // seconds, creating the demo workspace on first start longer).
        MainWindow window = new MainWindow(AppearancePreferences.load());
        if (templateFile != null && !exitAfterShown) {
            window.openAfterSignIn(templateFile);
        }
        stage.setScene(window.createScene());
        stage.setTitle(I18n.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        var icon = SalesDeskApplication.class.getResourceAsStream("/io/salesdesk/app/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setOnShown(e -> Platform.runLater(() -> {
            startupMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            LOG.info("Main window shown {} ms after start", startupMillis);
            SHOWN.complete(null);
        }));
        stage.setOnHidden(e -> closed.countDown());
        stage.show();
        // A second start on this workspace, or macOS's open-file event, lands here (see WindowOwnership).
        receiveRequests(WindowRequests.app(), stage, window);
        Thread waiter = new Thread(() -> attachWhenOpen(window, stage), "salesdesk-workspace-waiter");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Requests for the window come to the front of the screen and open their file there. */
    static void receiveRequests(WindowRequests requests, Stage stage, MainWindow window) {
        requests.receiveWith(Platform::runLater, request -> {
            toFront(stage);
            request.templateFile().ifPresent(window::openTemplate);
        });
    }

    private static void toFront(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private void attachWhenOpen(MainWindow window, Stage stage) {
        try {
            AppContext opened = context.get();
            Platform.runLater(() -> {
                // Reminders and timers work for the user, so they start once someone is signed in.
                window.attach(opened, () -> {
                    TaskReminders reminders = new TaskReminders(opened, stage);
                    WorkflowTimers timers = new WorkflowTimers(opened, stage, window.bus());
                    reminders.start();
                    timers.start();
                    // After a sign-out they start again for the next user, with the new window's bus.
                    window.atSignOut(() -> {
                        reminders.stop();
                        timers.stop();
                    });
                    if (!exitAfterShown) {
                        // Once the first page is drawn, so the tour points at laid-out parts.
                        Platform.runLater(window::startTourIfNew);
                    }
                });
                // The next pulse lays out and draws the first page.
                Platform.runLater(() -> {
                    readyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                    LOG.info("First page shown {} ms after start", readyMillis);
                    if (exitAfterShown) {
                        // For the start-up benchmark: the command line prints the figures after launch returns.
                        Platform.exit();
                        closed.countDown();
                    }
                });
            });
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.util.concurrent.CancellationException) {
                // The user chose 退出 instead of typing the data passphrase: nothing to report.
                LOG.info("Start ended: {}", e.getCause().getMessage());
                Platform.runLater(Platform::exit);
                closed.countDown();
                return;
            }
            LOG.warn("SalesDesk could not open its workspace: {}", e.getCause().getMessage());
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, I18n.message(e.getCause()), ButtonType.OK);
                alert.setTitle(I18n.get("app.title"));
                alert.setHeaderText(null);
                alert.showAndWait();
                failed = true;
                Platform.exit();
                closed.countDown();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.runLater(Platform::exit);
            closed.countDown();
        }
    }
}
