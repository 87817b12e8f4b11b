package io.salesdesk.app.shell;

import java.util.Objects;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;

/** The JavaFX application: one main window over the context the composition root made. */
public final class SalesDeskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SalesDeskApplication.class);

    private static volatile AppContext context;
    private static volatile long startedNanos = System.nanoTime();
    private static volatile boolean exitAfterShown;
    private static volatile long startupMillis = -1;

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
        context = Objects.requireNonNull(appContext, "context");
        startedNanos = started;
        SalesDeskApplication.exitAfterShown = exitAfterShown;
        Application.launch(SalesDeskApplication.class);
    }

    /** Milliseconds from start to the main window shown, or -1 before it was shown. */
    public static long startupMillis() {
        return startupMillis;
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(context);
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
