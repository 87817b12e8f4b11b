package io.salesdesk.db;

import io.salesdesk.core.SalesDeskException;

/**
 * The database was written by a newer SalesDesk. We never migrate down: the user needs the newer
 * version of the app.
 */
public class SchemaTooNewException extends SalesDeskException {

    private final String databaseVersion;
    private final String appVersion;

    public SchemaTooNewException(String databaseVersion, String appVersion) {
        super("error.schemaTooNew", databaseVersion, appVersion);
        this.databaseVersion = databaseVersion;
        this.appVersion = appVersion;
    }

    public String databaseVersion() {
        return databaseVersion;
    }

    public String appVersion() {
        return appVersion;
    }
}
