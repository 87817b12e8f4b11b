package io.salesdesk.app.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The file {@code window.address} in the workspace's folder: the loopback port of the running
 * window and the secret a request must carry. Only its owner may read it (on Windows the data
 * folder under {@code %APPDATA%} is the user's own), so another user of the machine cannot drive the
 * window even though the port is open to every local process.
 *
 * @param port  the loopback port the window listens on
 * @param token the secret, 64 hex digits
 */
public record InstanceAddress(int port, String token) {

    /** The file's name in the workspace's folder. */
    public static final String FILE_NAME = "window.address";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An address on {@code port} with a fresh random token. */
    public static InstanceAddress fresh(int port) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new InstanceAddress(port, HexFormat.of().formatHex(secret));
    }

    /** The address written in {@code dir}, if there is a readable one (it may be stale). */
    public static Optional<InstanceAddress> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            int port = Integer.parseInt(lines.get(0).trim());
            String token = lines.get(1).trim();
            return port > 0 && port < 65536 && !token.isEmpty()
                    ? Optional.of(new InstanceAddress(port, token)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // Missing, half written or garbled: there is no address to use.
            return Optional.empty();
        }
    }

    /**
     * Writes this address to {@code dir}, replacing one a crashed window left, readable by its owner
     * only from the moment it exists (written under another name, then moved).
     */
    public void write(Path dir) throws IOException {
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.writeString(temp, port + "\n" + token + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the address from {@code dir} if it is still this one. */
    public void delete(Path dir) throws IOException {
        if (read(dir).filter(this::equals).isPresent()) {
            Files.deleteIfExists(dir.resolve(FILE_NAME));
        }
    }
}
