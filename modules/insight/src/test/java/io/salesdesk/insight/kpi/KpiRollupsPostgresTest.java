package io.salesdesk.insight.kpi;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same roll-ups and figures on PostgreSQL, the shared database a team uses. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class KpiRollupsPostgresTest extends KpiRollupsTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
