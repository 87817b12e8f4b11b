package io.salesdesk.ledger.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Opens a ledger file of any supported kind: .xlsx (also Strict OOXML), .xls (BIFF8) and .csv.
 * The kind is taken from the file's first bytes, not its name, because ledgers are often renamed
 * (an .xlsx saved as .xls, a CSV called .xls by an export tool).
 */
public final class Ledgers {

    private Ledgers() {
    }

    /**
     * Opens a ledger file.
     *
     * @param file   the file to read
     * @param limits how many rows and columns to accept per sheet
     * @return the opened file; close it when done
     * @throws LedgerReadException if the file is missing, encrypted, damaged, hostile or no spreadsheet
     */
    public static LedgerFile open(Path file, ReadLimits limits) {
        String fileName = file.getFileName().toString();
        FileMagic magic = magicOf(file, fileName);
        switch (magic) {
            case OOXML:
                return XlsxLedgerFile.open(file, fileName, limits);
            case OLE2:
                return Ole2Container.open(file, fileName, limits);
            case BIFF2:
            case BIFF3:
            case BIFF4:
                throw new LedgerReadException(LedgerReadException.OLD_FORMAT, fileName);
            case UNKNOWN:
            case XML:
                if (isCsvName(fileName)) {
                    return CsvLedgerFile.open(file, fileName, limits);
                }
                throw new LedgerReadException(LedgerReadException.NOT_SPREADSHEET, fileName);
            default:
                // A picture, a PDF, or a web page an old system exported as "xls".
                throw new LedgerReadException(LedgerReadException.NOT_SPREADSHEET, fileName);
        }
    }

    private static FileMagic magicOf(Path file, String fileName) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return FileMagic.valueOf(in);
        } catch (NoSuchFileException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, fileName, "文件不存在 / file not found");
        } catch (IOException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, fileName, String.valueOf(e.getMessage()));
        }
    }

    private static boolean isCsvName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv");
    }
}
