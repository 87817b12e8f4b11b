package io.salesdesk.app.ledgers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Shows a file in the system's file manager. The platform's own command, not {@code java.awt.Desktop}:
 * AWT's desktop support loads its own GTK beside JavaFX's on Linux, which is known to crash.
 */
final class Folders {

    private Folders() {
    }

    /**
     * Opens the folder of a file, the file selected where the file manager can do that.
     *
     * @throws IOException if no file manager could be started
     */
    static void reveal(Path file) throws IOException {
        new ProcessBuilder(command(file.toAbsolutePath())).inheritIO().start();
    }

    static List<String> command(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("explorer.exe", "/select," + file);
        }
        if (os.contains("mac")) {
            return List.of("open", "-R", file.toString());
        }
        return List.of("xdg-open", file.getParent().toString());
    }
}
