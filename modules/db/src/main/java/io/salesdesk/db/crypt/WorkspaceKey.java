package io.salesdesk.db.crypt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.core.SalesDeskException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The key of an encrypted embedded workspace, derived from the user's passphrase with Argon2id.
 *
 * <p>The salt, the Argon2 cost and a key check value live in {@code db/salesdesk.crypt.json} beside the
 * database files (so a backup carries them); the key itself is never written anywhere. Argon2 yields 64
 * bytes: the first 32 are HSQLDB's AES-256 key, the last 32 only make the check value, so the check
 * value tells nothing about the AES key. A wrong passphrase is refused by the check value before HSQLDB
 * touches a file.
 */
public final class WorkspaceKey {

    /** The header's file name in the database folder. */
    public static final String HEADER = "salesdesk.crypt.json";
    /** The shortest passphrase accepted when a workspace is encrypted. */
    public static final int MIN_PASSPHRASE = 8;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final byte[] CHECK_LABEL = "salesdesk workspace key check".getBytes(StandardCharsets.US_ASCII);

    /**
     * What {@code salesdesk.crypt.json} holds.
     *
     * @param format     1
     * @param kdf        always {@code argon2id}
     * @param memoryKib  Argon2 memory in KiB
     * @param iterations Argon2 passes
     * @param lanes      Argon2 parallelism
     * @param salt       random salt, Base64
     * @param cipher     HSQLDB's crypt_type, {@code AES}
     * @param check      HMAC-SHA256 of a fixed label under the check half of the derived bytes, hex
     */
    public record Header(int format, String kdf, int memoryKib, int iterations, int lanes, String salt,
                         String cipher, String check) {
    }

    /**
     * Argon2id cost: 64 MiB and 3 passes, as for sign-in passwords (about 0.2 s on a two-core office PC,
     * once per start), so every guess at a stolen laptop's passphrase costs the same.
     */
    public record Cost(int memoryKib, int iterations, int lanes) {
        public static final Cost DEFAULT = new Cost(64 * 1024, 3, 1);
        /** The cheapest Argon2 allows, for tests that derive many keys. */
        public static final Cost FAST_FOR_TESTS = new Cost(8, 1, 1);
    }

    private final Header header;
    private final byte[] aesKey;

    private WorkspaceKey(Header header, byte[] aesKey) {
        this.header = header;
        this.aesKey = aesKey;
    }

    /** Whether the workspace database in {@code dbDir} is encrypted (its header is there). */
    public static boolean isEncrypted(Path dbDir) {
        return Files.exists(dbDir.resolve(HEADER));
    }

    /** A new key from {@code passphrase} with a fresh salt; nothing is written until {@link #writeHeader}. */
    public static WorkspaceKey create(char[] passphrase, Cost cost) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new SalesDeskException("error.crypt.passphraseShort", MIN_PASSPHRASE);
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Header unchecked = new Header(1, "argon2id", cost.memoryKib(), cost.iterations(), cost.lanes(),
                Base64.getEncoder().encodeToString(salt), "AES", null);
        byte[] derived = derive(passphrase, unchecked);
        try {
            Header header = new Header(1, "argon2id", cost.memoryKib(), cost.iterations(), cost.lanes(),
                    unchecked.salt(), "AES", checkValue(derived));
            return new WorkspaceKey(header, Arrays.copyOf(derived, 32));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * The key of the encrypted database in {@code dbDir}.
     *
     * @throws SalesDeskException {@code error.crypt.wrongPassphrase} when the passphrase does not fit
     */
    public static WorkspaceKey unlock(Path dbDir, char[] passphrase) {
        Header header = readHeader(dbDir);
        byte[] derived = derive(passphrase == null ? new char[0] : passphrase, header);
        try {
            byte[] expected = HexFormat.of().parseHex(header.check());
            if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(checkValue(derived)))) {
                throw new SalesDeskException("error.crypt.wrongPassphrase");
            }
            return new WorkspaceKey(header, Arrays.copyOf(derived, 32));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * {@code config} ready to open: with the key {@code passphrase} unlocks when its workspace is
     * encrypted, as it is otherwise.
     */
    public static io.salesdesk.db.DatabaseConfig unlock(io.salesdesk.db.DatabaseConfig config, char[] passphrase) {
        if (!config.isEncrypted()) {
            return config;
        }
        return config.withCryptKey(unlock(config.dbDir(), passphrase).hsqldbKey());
    }

    /** Reads the header of the encrypted database in {@code dbDir}. */
    public static Header readHeader(Path dbDir) {
        Path file = dbDir.resolve(HEADER);
        try {
            Header header = JSON.readValue(file.toFile(), Header.class);
            if (header.format() != 1 || !"argon2id".equals(header.kdf()) || header.salt() == null || header.check() == null) {
                throw new SalesDeskException("error.crypt.header", file, "format " + header.format());
            }
            return header;
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.crypt.header", file, e.getMessage());
        }
    }

    /** Writes the header into {@code dbDir} (whole or not at all). */
    public void writeHeader(Path dbDir) {
        try {
            Files.createDirectories(dbDir);
            Path part = dbDir.resolve(HEADER + ".part");
            Files.write(part, JSON.writeValueAsBytes(header));
            Files.move(part, dbDir.resolve(HEADER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.dataDirUnusable", dbDir, e.getMessage());
        }
    }

    /** HSQLDB's {@code crypt_key}: the AES key in hex. Never logged. */
    public String hsqldbKey() {
        return HexFormat.of().formatHex(aesKey);
    }

    public Header header() {
        return header;
    }

    private static byte[] derive(char[] passphrase, Header header) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(header.memoryKib())
                .withIterations(header.iterations())
                .withParallelism(header.lanes())
                .withSalt(Base64.getDecoder().decode(header.salt()))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        byte[] out = new byte[64];
        try {
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }

    private static String checkValue(byte[] derived) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, 32, 32, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CHECK_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
