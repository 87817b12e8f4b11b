package io.salesdesk.sync;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The hub on PostgreSQL, the replica on embedded HSQLDB. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class QuoteSyncPostgresTest extends QuoteSyncContract {

    @Override
    Database openHub(Path hubDir) {
        return TestDatabases.postgres();
    }
}
