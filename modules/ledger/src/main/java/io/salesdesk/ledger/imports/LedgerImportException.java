package io.salesdesk.ledger.imports;

import io.salesdesk.core.SalesDeskException;

/** An import that cannot go ahead, with advice for the user; the first argument is the file name. */
public class LedgerImportException extends SalesDeskException {

    /** No row of the sheet looks like a header. */
    public static final String NO_HEADER = "ledger.import.noHeader";
    /** A required field has no column; argument 2 lists the fields. */
    public static final String MISSING_REQUIRED = "ledger.import.missingRequired";
    /** No importer for the entity; argument 2 is the entity key, 3 the known ones. */
    public static final String UNKNOWN_ENTITY = "ledger.import.unknownEntity";
    /** The mapping file is not readable JSON; argument 2 is the reason. */
    public static final String BAD_MAPPING_FILE = "ledger.import.badMappingFile";
    /** The mapping file names a field the entity does not have; argument 2 is the field. */
    public static final String UNKNOWN_FIELD = "ledger.import.unknownField";
    /** The sheet has no visible sheet to import. */
    public static final String NO_SHEET = "ledger.import.noSheet";
    /** No import batch with this id; argument 1 is the id. */
    public static final String NO_SUCH_BATCH = "ledger.import.noSuchBatch";
    /** The batch was undone already; argument 1 is the id. */
    public static final String ALREADY_UNDONE = "ledger.import.alreadyUndone";

    public LedgerImportException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public LedgerImportException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }
}
