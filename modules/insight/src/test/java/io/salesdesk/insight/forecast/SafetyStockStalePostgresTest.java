package io.salesdesk.insight.forecast;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same behaviour on PostgreSQL, the shared database a team uses. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class SafetyStockStalePostgresTest extends SafetyStockStaleTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
