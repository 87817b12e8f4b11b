package io.salesdesk.ledger.imports;

import io.salesdesk.core.SalesDeskException;

/** The user cancelled an import; nothing was written. */
public class ImportCancelledException extends SalesDeskException {

    /** Message key. */
    public static final String KEY = "ledger.import.cancelled";

    public ImportCancelledException() {
        super(KEY);
    }
}
