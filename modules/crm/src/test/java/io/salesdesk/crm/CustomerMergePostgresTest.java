package io.salesdesk.crm;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class CustomerMergePostgresTest extends CustomerMergeContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
