package io.salesdesk.app.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Shows a file in the system's file manager, or opens it with its application. The platform's own command, not {@code java.awt.Desktop}:
 * AWT's desktop support loads its own GTK beside JavaFX's on Linux, which is known to crash.
 */
public final class Folders {

    private Folders() {
    }

    /**
     * Opens the folder of a file, the file selected where the file manager can do that.
     *
     * @throws IOException if no file manager could be started
     */
    public static void reveal(Path file) throws IOException {
        new ProcessBuilder(command(file.toAbsolutePath())).inheritIO().start();
    }

    /**
     * Opens a file with the application the system associates with it (a PDF reader, Word).
     *
     * @throws IOException if nothing could be started
     */
    public static void open(Path file) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String path = file.toAbsolutePath().toString();
        List<String> command = os.contains("win") ? List.of("explorer.exe", path)
                : os.contains("mac") ? List.of("open", path) : List.of("xdg-open", path);
        new ProcessBuilder(command).inheritIO().start();
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
