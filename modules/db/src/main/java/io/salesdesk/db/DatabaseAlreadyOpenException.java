package io.salesdesk.db;

import io.salesdesk.core.SalesDeskException;
import java.nio.file.Path;

/** Another SalesDesk process has this data folder open; two writers would corrupt it. */
public class DatabaseAlreadyOpenException extends SalesDeskException {

    public DatabaseAlreadyOpenException(Path dataDir) {
        super("error.alreadyOpen", dataDir);
    }
}
