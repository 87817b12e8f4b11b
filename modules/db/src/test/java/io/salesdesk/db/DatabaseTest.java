package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void createsAndMigratesAnEmbeddedDatabaseInTheDataFolder() {
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            assertThat(db.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            assertThat(db.dsl().fetchCount(io.salesdesk.db.jooq.Tables.CUSTOMER)).isZero();
        }
        assertThat(dataDir.resolve("db").resolve("salesdesk.script")).exists();
    }

    @Test
    void refusesASecondOpenOfTheSameDataFolder() {
        try (Database first = TestDatabases.hsqldb(dataDir)) {
            assertThatThrownBy(() -> TestDatabases.hsqldb(dataDir))
                    .isInstanceOf(DatabaseAlreadyOpenException.class);
            assertThat(first.dsl().fetchCount(io.salesdesk.db.jooq.Tables.CUSTOMER)).isZero();
        }
    }

    @Test
    void reopensAfterClose() {
        TestDatabases.hsqldb(dataDir).close();
        try (Database again = TestDatabases.hsqldb(dataDir)) {
            assertThat(again.schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerSchemaAndLeavesItAlone() throws Exception {
        TestDatabases.hsqldb(dataDir).close();
        String url = DatabaseConfig.embedded(dataDir).url() + ";shutdown=true";
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'SA', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        assertThatThrownBy(() -> TestDatabases.hsqldb(dataDir))
                .isInstanceOfSatisfying(SchemaTooNewException.class, e -> {
                    assertThat(e.databaseVersion()).isEqualTo("99");
                    assertThat(e.appVersion()).isEqualTo(Database.SCHEMA_VERSION);
                });
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '99'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
