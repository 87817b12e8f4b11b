package io.salesdesk.app.instance;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * macOS hands a double-clicked file to the app as an "open file" Apple event, not as an argument,
 * both when it starts the app for it and when the app is already running (macOS then starts no
 * second copy). AWT's {@code Desktop} receives the event; each file goes to {@link WindowRequests},
 * the path a second start's file takes on the other systems. Unverified on a Mac (written from
 * the JDK's documentation and other JavaFX apps' experience; see installer/README.md).
 */
public final class MacOpenFiles {

    private static final Logger LOG = LoggerFactory.getLogger(MacOpenFiles.class);

    private MacOpenFiles() {
    }

    /**
     * On macOS, routes open-file events to {@code requests}; elsewhere does nothing, without loading
     * AWT. Call before the JavaFX toolkit starts: the event of the file that started the app comes
     * at once, and a handler registered later misses it.
     *
     * @return whether a handler was registered
     */
    public static boolean register(String osName, WindowRequests requests) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("mac") || GraphicsEnvironment.isHeadless()
                || !Desktop.isDesktopSupported()) {
            return false;
        }
        Desktop desktop = Desktop.getDesktop();
        if (!desktop.isSupported(Desktop.Action.APP_OPEN_FILE)) {
            return false;
        }
        desktop.setOpenFileHandler(event -> route(event.getFiles(), requests));
        return true;
    }

    /** Each file of one open-file event as a request to the window. */
    static void route(List<File> files, WindowRequests requests) {
        for (File file : files) {
            LOG.info("macOS asked to open {}", file);
            requests.send(WindowRequest.open(file.toPath()));
        }
    }
}
