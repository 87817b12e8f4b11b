package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.read.LedgerReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a ledger file, recorded in the history so the same file imported twice shows. */
final class FileHash {

    private FileHash() {
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, file.getFileName().toString(),
                    "文件不存在 / file not found");
        } catch (IOException e) {
            throw new LedgerReadException(e, LedgerReadException.IO_ERROR, file.getFileName().toString(),
                    String.valueOf(e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
