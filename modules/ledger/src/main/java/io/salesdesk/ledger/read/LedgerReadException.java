package io.salesdesk.ledger.read;

import io.salesdesk.core.SalesDeskException;

/**
 * A ledger file that cannot be read, with a message key the UI turns into advice ("文件已加密，
 * 请先在 Excel 中取消密码"). The first argument is always the file name.
 */
public class LedgerReadException extends SalesDeskException {

    /** The file is password-protected (encrypted OOXML or RC4/XOR-encrypted .xls). */
    public static final String ENCRYPTED = "ledger.read.encrypted";
    /** The file is damaged or truncated; argument 2 is a technical reason. */
    public static final String CORRUPT = "ledger.read.corrupt";
    /** The file is not a spreadsheet at all (a picture, a PDF, a web page saved as .xls). */
    public static final String NOT_SPREADSHEET = "ledger.read.notSpreadsheet";
    /** The zip package inflates far beyond its size: refused as a possible zip bomb. */
    public static final String ZIP_BOMB = "ledger.read.zipBomb";
    /** The XML inside declares entities (DOCTYPE): refused as a possible entity-expansion bomb. */
    public static final String UNSAFE_XML = "ledger.read.unsafeXml";
    /** The sheet has more rows than the limit; argument 2 is the limit. */
    public static final String TOO_MANY_ROWS = "ledger.read.tooManyRows";
    /** A row has a value beyond the column limit; arguments 2 and 3 are the limit and the row. */
    public static final String TOO_MANY_COLUMNS = "ledger.read.tooManyColumns";
    /** A cell holds more text than Excel allows (argument 2: 32,767), typical of hostile files and unclosed CSV quotes. */
    public static final String TEXT_TOO_LONG = "ledger.read.textTooLong";
    /** An Excel 2-95 (BIFF2-5) workbook, which must be saved again in a newer format. */
    public static final String OLD_FORMAT = "ledger.read.oldFormat";
    /** The file type is not one SalesDesk reads; argument 2 is the extension. */
    public static final String UNSUPPORTED = "ledger.read.unsupported";
    /** No sheet of that name; argument 2 is the sheet name. */
    public static final String NO_SUCH_SHEET = "ledger.read.noSuchSheet";
    /** The file could not be opened (missing, locked by Excel, no permission); argument 2 is the reason. */
    public static final String IO_ERROR = "ledger.read.ioError";

    public LedgerReadException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public LedgerReadException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }
}
