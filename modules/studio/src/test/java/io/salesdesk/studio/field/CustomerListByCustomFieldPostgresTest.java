package io.salesdesk.studio.field;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same list on PostgreSQL, where the service filters and sorts in SQL too. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class CustomerListByCustomFieldPostgresTest extends CustomerListByCustomFieldTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
