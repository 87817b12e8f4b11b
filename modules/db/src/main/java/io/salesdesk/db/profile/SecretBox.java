package io.salesdesk.db.profile;

import io.salesdesk.core.SalesDeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the passwords of connection profiles with AES-256-GCM under a key derived from a random
 * per-machine secret file ({@code machine.key}, readable by its owner only). A copied profiles file is
 * useless without that secret; the secret protects against other users and copies, not against
 * someone who can act as this user on this machine (docs/decisions.md).
 */
final class SecretBox {

    static final String KEY_FILE = "machine.key";
    private static final String PREFIX = "gcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(SecretKeySpec key) {
        this.key = key;
    }

    /** The box of this machine's secret in {@code dir}, creating the secret on first use. */
    static SecretBox in(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                createSecret(dir, file);
            }
            byte[] secret = Files.readAllBytes(file);
            // A label in the derivation: the same secret may one day key other things.
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("salesdesk connection profile passwords v1".getBytes(StandardCharsets.UTF_8));
            byte[] derived = sha.digest(secret);
            Arrays.fill(secret, (byte) 0);
            return new SecretBox(new SecretKeySpec(derived, "AES"));
        } catch (IOException | GeneralSecurityException e) {
            throw new SalesDeskException(e, "error.profile.secret", file, e.getMessage());
        }
    }

    private static void createSecret(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path fresh = Files.createTempFile(dir, KEY_FILE, ".new");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(fresh, secret);
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The sealed text of {@code plain}, bound to {@code context} (the profile's name). */
    String seal(String context, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    /**
     * The plain text sealed by {@link #seal}; refused when the text was made on another machine, for
     * another profile, or altered.
     */
    String open(String context, String sealedText) {
        try {
            if (!sealedText.startsWith(PREFIX)) {
                throw new GeneralSecurityException("unknown format");
            }
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SalesDeskException(e, "error.profile.passwordUnreadable", context);
        }
    }
}
