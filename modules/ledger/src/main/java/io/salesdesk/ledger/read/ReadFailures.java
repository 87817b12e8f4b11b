package io.salesdesk.ledger.read;

import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever POI, the zip or the XML parser throws into a {@link LedgerReadException} the user
 * can act on. POI reports a damaged file through dozens of unrelated exception types.
 */
final class ReadFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ReadFailures.class);

    private ReadFailures() {
    }

    /**
     * Translates a failure while opening or reading a file.
     *
     * @param failure  what was thrown
     * @param fileName the file, for the message
     * @return the exception to throw; a row consumer's own exception is returned unchanged
     */
    static RuntimeException translate(Throwable failure, String fileName) {
        if (failure instanceof RowLimiter.ConsumerFailure consumerFailure) {
            return consumerFailure.original();
        }
        if (failure instanceof LedgerReadException ledgerFailure) {
            return ledgerFailure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XmlText.TextTooLongException) {
                return new LedgerReadException(failure, LedgerReadException.TEXT_TOO_LONG, fileName, XmlText.MAX_TEXT_LENGTH);
            }
            if (t instanceof EncryptedDocumentException) {
                return new LedgerReadException(failure, LedgerReadException.ENCRYPTED, fileName);
            }
            if (t instanceof OldExcelFormatException) {
                return new LedgerReadException(failure, LedgerReadException.OLD_FORMAT, fileName);
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return new LedgerReadException(failure, LedgerReadException.ZIP_BOMB, fileName);
            }
            if (message.contains("doctype") || message.contains("entity expansion")
                    || message.contains("entity references")) {
                return new LedgerReadException(failure, LedgerReadException.UNSAFE_XML, fileName);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String reason = reasonOf(failure);
        LOG.info("Ledger file {} is damaged: {}", fileName, reason);
        LOG.debug("Damaged ledger file {}", fileName, failure);
        return new LedgerReadException(failure, LedgerReadException.CORRUPT, fileName, reason);
    }

    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
