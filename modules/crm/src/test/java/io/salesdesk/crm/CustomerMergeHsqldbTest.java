package io.salesdesk.crm;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;

class CustomerMergeHsqldbTest extends CustomerMergeContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }
}
