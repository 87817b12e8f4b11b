package io.salesdesk.studio.onboarding;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A path given to a new hire. Its definition is the path's as it was then, so editing the path does not
 * change what hires already on it must do.
 */
public record Assignment(UUID id, UUID pathId, String pathName, PathDefinition definition, UUID hireId,
        String hireName, UUID mentorId, String mentorName, LocalDate startsOn, Status status, long version) {

    /** Whether the hire is still on the path. */
    public enum Status {
        ACTIVE, CANCELLED
    }

    /** The calendar day a path day falls on (day 1 is the start day). */
    public LocalDate dateOf(int pathDay) {
        return startsOn.plusDays(pathDay - 1L);
    }
}
