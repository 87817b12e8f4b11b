package io.salesdesk.ledger.read;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Looks inside an OLE2 compound file, which is either an .xls workbook, an encrypted .xlsx
 * (an OOXML package wrapped in EncryptionInfo + EncryptedPackage), an Excel 5/95 workbook, or some
 * other Office document.
 */
final class Ole2Container {

    private Ole2Container() {
    }

    static LedgerFile open(Path file, String fileName, ReadLimits limits) {
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new LedgerReadException(LedgerReadException.ENCRYPTED, fileName);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("BOOK")) {
                LedgerFile workbook = XlsLedgerFile.open(fs, fileName, limits);
                fs = null;
                return workbook;
            }
            if (root.hasEntry("Book")) {
                throw new LedgerReadException(LedgerReadException.OLD_FORMAT, fileName);
            }
            throw new LedgerReadException(LedgerReadException.NOT_SPREADSHEET, fileName);
        } catch (IOException | RuntimeException e) {
            throw ReadFailures.translate(e, fileName);
        } finally {
            closeQuietly(fs);
        }
    }

    static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                // Opened read-only: nothing is lost if closing fails.
            }
        }
    }
}
