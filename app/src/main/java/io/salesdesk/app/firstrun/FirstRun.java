package io.salesdesk.app.firstrun;

import java.nio.file.Files;
import java.nio.file.Path;

import io.salesdesk.db.DatabaseConfig;

/** Whether a start is the first on its data folder: an embedded database that was never created. */
public final class FirstRun {

    private FirstRun() {
    }

    /** Whether {@code config} is an embedded folder without a database in it yet. */
    public static boolean isNew(DatabaseConfig config) {
        if (config.mode() != DatabaseConfig.Mode.EMBEDDED || config.dataDir() == null) {
            return false;
        }
        Path db = config.dataDir().resolve("db");
        return !Files.exists(db.resolve("salesdesk.properties")) && !Files.exists(db.resolve("salesdesk.script"));
    }
}
