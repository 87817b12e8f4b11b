package io.salesdesk.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a manager sets about a rep for dispatch: where they sell, how much work a month they can
 * take, and when they are away.
 *
 * @param territories     region codes (province, city or county), sorted
 * @param monthlyCapacity null to use the workspace default
 * @param awayFrom        first day away, or null when not away
 * @param awayUntil       last day away; null with {@code awayFrom} set means away until further notice
 */
public record RepProfile(UUID userId, String name, List<String> territories, Integer monthlyCapacity,
                         LocalDate awayFrom, LocalDate awayUntil) {

    /** The most a month's capacity may be: far above any rep, low enough to catch a typo. */
    public static final int MAX_CAPACITY = 10_000;

    public RepProfile {
        territories = List.copyOf(territories);
    }

    /** Whether the rep is away on {@code day}. */
    public boolean awayOn(LocalDate day) {
        return awayFrom != null && !day.isBefore(awayFrom) && (awayUntil == null || !day.isAfter(awayUntil));
    }
}
