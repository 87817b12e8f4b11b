package io.salesdesk.ledger.imports;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;

class CustomerImportHsqldbTest extends CustomerImportContract {

    @Override
    Database open(Path dataDir) {
        return TestDatabases.hsqldb(dataDir);
    }
}
