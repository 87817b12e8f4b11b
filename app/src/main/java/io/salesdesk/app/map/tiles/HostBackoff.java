package io.salesdesk.app.map.tiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaves a tile host alone after it refused or failed: 30 s after the first failure, doubling up to
 * 10 minutes, or what its Retry-After asks (within the same cap). A success forgets the failures.
 */
final class HostBackoff {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(10);

    /** A host's failures in a row and when it may be asked again. */
    record Pause(int failures, Instant until, TileStatus.Reason reason, int httpStatus) {
    }

    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
    private final Clock clock;

    HostBackoff(Clock clock) {
        this.clock = clock;
    }

    /** The pause the host is in now, if any. */
    Optional<Pause> pausing(String host) {
        Pause pause = pauses.get(host);
        return pause != null && clock.instant().isBefore(pause.until()) ? Optional.of(pause) : Optional.empty();
    }

    /** Records a failure and returns the pause it starts. */
    Pause failed(String host, TileStatus.Reason reason, int httpStatus, Duration retryAfter) {
        return pauses.compute(host, (h, before) -> {
            int failures = before == null ? 1 : before.failures() + 1;
            Duration wait = FIRST.multipliedBy(1L << Math.min(failures - 1, 10));
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            if (wait.compareTo(LONGEST) > 0) {
                wait = LONGEST;
            }
            return new Pause(failures, clock.instant().plus(wait), reason, httpStatus);
        });
    }

    void succeeded(String host) {
        pauses.remove(host);
    }

    void clear() {
        pauses.clear();
    }
}
