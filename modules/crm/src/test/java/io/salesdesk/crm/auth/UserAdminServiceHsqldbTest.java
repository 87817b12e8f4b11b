package io.salesdesk.crm.auth;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;

class UserAdminServiceHsqldbTest extends UserAdminServiceContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }
}
