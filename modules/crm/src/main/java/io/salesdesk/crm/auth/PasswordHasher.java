package io.salesdesk.crm.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (Bouncy Castle) into the usual encoded form
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded Base64), so a stored
 * hash carries its own salt and parameters and stronger parameters can come later without
 * breaking the old hashes.
 */
public final class PasswordHasher {

    /**
     * Argon2id cost.
     *
     * @param memoryKib  memory in KiB
     * @param iterations passes over the memory
     * @param lanes      parallelism
     */
    public record Cost(int memoryKib, int iterations, int lanes) {

        /**
         * What SalesDesk uses. 64 MiB, 3 passes, one lane: one verify takes about 150 ms on a two-core office PC
         * (SignInBenchmark), within the 500 ms a sign-in may take, and costs a guesser the same per try.
         */
        public static final Cost DEFAULT = new Cost(64 * 1024, 3, 1);

        /** The cheapest cost Argon2 allows, for tests that hash many passwords. */
        public static final Cost FAST_FOR_TESTS = new Cost(8, 1, 1);
    }

    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(Cost cost) {
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /** The hasher with SalesDesk's cost. */
    public static PasswordHasher standard() {
        return new PasswordHasher(Cost.DEFAULT);
    }

    /** A new encoded hash of {@code password} with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.lanes()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches the encoded hash. A missing or malformed hash matches
     * nothing, after the same work as a real check, so the time taken tells nothing either: this is
     * how sign-in treats an unknown user.
     */
    public boolean verify(char[] password, String encoded) {
        Matcher m = encoded == null ? null : ENCODED.matcher(encoded);
        if (m == null || !m.matches()) {
            argon2(password, new byte[SALT_BYTES], cost, HASH_BYTES);
            return false;
        }
        Cost stored = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] salt = B64_DECODER.decode(m.group(4));
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = argon2(password, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a hash was made with a cost other than this hasher's (to re-hash at the next sign-in). */
    public boolean needsRehash(String encoded) {
        Matcher m = ENCODED.matcher(encoded);
        return !m.matches() || Integer.parseInt(m.group(1)) != cost.memoryKib()
                || Integer.parseInt(m.group(2)) != cost.iterations() || Integer.parseInt(m.group(3)) != cost.lanes();
    }

    private static byte[] argon2(char[] password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.lanes())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] passwordBytes = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    // Without a String, so the password's bytes can be wiped after use.
    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
