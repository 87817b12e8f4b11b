package io.salesdesk.db;

import io.salesdesk.core.SalesDeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The password of the embedded database's SA account, kept in {@code db/sa.password} beside the
 * files. A personal workspace has none (SA's password is empty, as HSQLDB creates it); a folder that
 * was once served by {@code salesdesk server} has a random one, because the server would otherwise let
 * anyone on the network sign in as SA. Whoever can read the folder can read the data files anyway, so
 * the file protects against the network, not against local users (encryption at rest does that).
 */
final class LocalAdminPassword {

    static final String FILE_NAME = "sa.password";

    private LocalAdminPassword() {
    }

    /** SA's password for the database in {@code dbDir}: the file's content, or empty when there is none. */
    static String read(Path dbDir) {
        Path file = dbDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", dbDir, e.getMessage());
        }
    }

    /** Gives SA of the open database {@code db} a random password and writes it to the file first. */
    static void create(Path dbDir, Database db) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path file = dbDir.resolve(FILE_NAME);
        Path fresh = dbDir.resolve(FILE_NAME + ".new");
        try {
            Files.writeString(fresh, password, StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            }
            // The file is in place before SA's password changes, so the password is never lost; only a
            // crash in the moment between the two leaves a file SA does not use yet (delete it to repair).
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", dbDir, e.getMessage());
        }
        db.dsl().execute("ALTER USER SA SET PASSWORD '" + password + "'");
    }
}
