package io.salesdesk.app.shell;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;

/** The JavaFX application: one main window over the context the composition root made. */
public final class SalesDeskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SalesDeskApplication.class);

    private static volatile Future<AppContext> context;
    private static volatile long startedNanos = System.nanoTime();
    private static volatile boolean exitAfterShown;
    private static volatile long startupMillis = -1;
    private static volatile boolean failed;

    /** Starts the UI and returns when the last window closes. */
    public static void launch(AppContext appContext) {
        launch(appContext, System.nanoTime(), false);
    }

    /**
     * Starts the UI; with {@code exitAfterShown} it closes as soon as the main window is on screen,
     * for the start-up benchmark, which then reads {@link #startupMillis()} (measured from
     * {@code started}, a {@link System#nanoTime()}).
     */
    public static void launch(AppContext appContext, long started, boolean exitAfterShown) {
        launch(CompletableFuture.completedFuture(Objects.requireNonNull(appContext, "context")), started,
                exitAfterShown);
    }

    /**
     * Starts the UI while the workspace is still opening: JavaFX starts up in parallel with the
     * database, and the window is built as soon as both are ready. A workspace that cannot be
     * opened is reported in a dialog.
     */
    public static void launch(Future<AppContext> openingContext, long started, boolean exitAfterShown) {
        context = Objects.requireNonNull(openingContext, "context");
        startedNanos = started;
        SalesDeskApplication.exitAfterShown = exitAfterShown;
        Application.launch(SalesDeskApplication.class);
    }

    /** Whether the workspace could not be opened (the user was told). */
    public static boolean failed() {
        return failed;
    }

    /** Milliseconds from start to the main window shown, or -1 before it was shown. */
    public static long startupMillis() {
        return startupMillis;
    }

    @Override
    public void start(Stage stage) {
        LOG.info("JavaFX started {} ms after start", (System.nanoTime() - startedNanos) / 1_000_000);
        AppContext opened;
        try {
            opened = context.get();
        } catch (ExecutionException e) {
            LOG.warn("SalesDesk could not open its workspace: {}", e.getCause().getMessage());
            Alert alert = new Alert(Alert.AlertType.ERROR, I18n.message(e.getCause()), ButtonType.OK);
            alert.setTitle(I18n.get("app.title"));
            alert.setHeaderText(null);
            alert.showAndWait();
            failed = true;
            Platform.exit();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.exit();
            return;
        }
        MainWindow window = new MainWindow(opened);
        LOG.info("Main window built {} ms after start", (System.nanoTime() - startedNanos) / 1_000_000);
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
            if (exitAfterShown) {
                // For the start-up benchmark: the command line prints startupMillis() after launch returns.
                Platform.exit();
            }
        }));
        stage.show();
    }
}
