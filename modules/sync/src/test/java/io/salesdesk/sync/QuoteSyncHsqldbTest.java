package io.salesdesk.sync;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;

class QuoteSyncHsqldbTest extends QuoteSyncContract {

    @Override
    Database openHub(Path hubDir) {
        return TestDatabases.hsqldb(hubDir);
    }
}
