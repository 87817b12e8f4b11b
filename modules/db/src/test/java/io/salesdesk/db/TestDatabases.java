package io.salesdesk.db;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * Real databases for repository tests: an HSQLDB file in a temporary folder, or the PostgreSQL
 * server named by {@code SALESDESK_TEST_PG_URL} (emptied before each test).
 */
public final class TestDatabases {

    /** Environment variable with the JDBC URL (user and password as URL parameters) of a throwaway PostgreSQL database. */
    public static final String PG_URL_VARIABLE = "SALESDESK_TEST_PG_URL";

    private TestDatabases() {
    }

    /** A fresh embedded HSQLDB file database in {@code dir}. */
    public static Database hsqldb(Path dir) {
        return Database.open(DatabaseConfig.embedded(dir));
    }

    /** The PostgreSQL test database, emptied and migrated afresh. */
    public static Database postgres() {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set");
        }
        Flyway.configure().dataSource(url, null, null).cleanDisabled(false).load().clean();
        return Database.open(DatabaseConfig.server(url, null, null));
    }
}
