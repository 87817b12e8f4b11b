package io.salesdesk.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) generated in Java.
 *
 * <p>Business rows get their primary key here rather than from a database sequence, so a branch
 * replica can create rows offline without colliding with the shared database. The millisecond
 * prefix keeps inserts roughly in index order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new UUIDv7 stamped with the given clock's current millisecond. */
    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextInt() & 0xFFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A new UUIDv7 stamped with the system clock. */
    public static UUID newId() {
        return newId(Clock.systemUTC());
    }
}
