package io.salesdesk.ledger.imports;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class CustomerImportPostgresTest extends CustomerImportContract {

    @Override
    Database open(Path dataDir) {
        return TestDatabases.postgres();
    }
}
