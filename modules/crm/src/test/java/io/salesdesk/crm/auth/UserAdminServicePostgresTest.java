package io.salesdesk.crm.auth;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class UserAdminServicePostgresTest extends UserAdminServiceContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
