package io.salesdesk.db.profile;

import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * 测试连接: whether a profile's database can be reached with the given password, without opening the
 * workspace (no migration, no lock). A server is asked for a connection; an embedded folder must exist
 * or be creatable.
 */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /** Empty when the database answers, otherwise what went wrong (the driver's words). */
    public static Optional<String> problem(DatabaseConfig config) {
        if (config.mode() == DatabaseConfig.Mode.EMBEDDED) {
            Path dir = config.dataDir();
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.isDirectory(existing) && Files.isWritable(existing)
                    ? Optional.empty() : Optional.of(dir.toString());
        }
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
            return c.isValid(10) ? Optional.empty() : Optional.of(config.url());
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
