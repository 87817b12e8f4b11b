package io.salesdesk.app;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a user who started SalesDesk from a desktop icon why it cannot open (another instance
 * has the data folder, the database is from a newer version). Without a display the message
 * printed on the console has to do.
 */
public final class StartupErrorWindow {

    private static final Logger LOG = LoggerFactory.getLogger(StartupErrorWindow.class);

    private StartupErrorWindow() {
    }

    /** Shows the message in a dialog and returns when the user has closed it. */
    public static void show(String message) {
        if (java.awt.GraphicsEnvironment.isHeadless() || Boolean.getBoolean("salesdesk.noDialogs")) {
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                try {
                    Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
                    alert.setTitle("SalesDesk");
                    alert.setHeaderText(null);
                    alert.showAndWait();
                } finally {
                    closed.countDown();
                    Platform.exit();
                }
            });
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // No display or no graphics stack: the console message stands on its own.
            LOG.warn("Could not show the start-up error dialog", e);
        }
    }
}
