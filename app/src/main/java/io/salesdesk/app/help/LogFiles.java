package io.salesdesk.app.help;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import io.salesdesk.app.Workspace;

/**
 * Where the log files are: {@code DATA_DIR/logs}. Logback reads the folder from the system property
 * {@value #PROPERTY} when it starts, at the first log call, so {@link #prepare} runs first thing in
 * {@code main}, before any class with a logger is loaded. A shared database has no data folder of its
 * own; its logs go to the default data folder.
 */
public final class LogFiles {

    /** The system property that holds the folder ({@link LogSetup} reads it through {@link #folder()}). */
    public static final String PROPERTY = "salesdesk.logs";
    private static final String DATA_DIR = "--data-dir";

    private LogFiles() {
    }

    /** Sets the log folder from {@code --data-dir} (or its default) unless it was set already. */
    public static Path prepare(String[] args, Map<String, String> env) {
        String set = System.getProperty(PROPERTY);
        if (set != null && !set.isBlank()) {
            return Paths.get(set);
        }
        Path folder = Workspace.dataDir(dataDirArgument(args), env).resolve("logs");
        System.setProperty(PROPERTY, folder.toString());
        return folder;
    }

    /** The folder the log files are written to. */
    public static Path folder() {
        String set = System.getProperty(PROPERTY);
        return set == null || set.isBlank()
                ? Paths.get(System.getProperty("java.io.tmpdir"), "salesdesk-logs") : Paths.get(set);
    }

    /** The value of {@code --data-dir DIR} or {@code --data-dir=DIR}, read before picocli parses. */
    public static Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(DATA_DIR) && i + 1 < args.length) {
                return Paths.get(args[i + 1]);
            }
            if (args[i].startsWith(DATA_DIR + "=")) {
                return Paths.get(args[i].substring(DATA_DIR.length() + 1));
            }
        }
        return null;
    }
}
