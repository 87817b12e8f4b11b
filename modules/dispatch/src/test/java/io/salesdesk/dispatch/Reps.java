package io.salesdesk.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reps and leads for dispatch tests, with ids derived from names so failures read well. */
public final class Reps {

    private Reps() {
    }

    /** A present rep with no record, no overdue follow-ups, no tasks and no previous lead. */
    public static RepCandidate rep(String name, int capacity, int openLeads, String... territories) {
        return new RepCandidate(id(name), name, List.of(territories), capacity, openLeads, 0, 0, false, null,
                Map.of(), TrackRecord.NONE);
    }

    public static RepCandidate away(RepCandidate r) {
        return new RepCandidate(r.userId(), r.name(), r.territories(), r.monthlyCapacity(), r.openLeads(),
                r.overdueFollowUps(), r.openTasks(), true, r.lastAssignedAt(), r.byIndustry(), r.overall());
    }

    public static RepCandidate lastAssigned(RepCandidate r, Instant at) {
        return new RepCandidate(r.userId(), r.name(), r.territories(), r.monthlyCapacity(), r.openLeads(),
                r.overdueFollowUps(), r.openTasks(), r.away(), at, r.byIndustry(), r.overall());
    }

    public static RepCandidate withRecord(RepCandidate r, String industry, TrackRecord record) {
        Map<String, TrackRecord> byIndustry = new HashMap<>(r.byIndustry());
        byIndustry.put(industry, record);
        return new RepCandidate(r.userId(), r.name(), r.territories(), r.monthlyCapacity(), r.openLeads(),
                r.overdueFollowUps(), r.openTasks(), r.away(), r.lastAssignedAt(), Map.copyOf(byIndustry), r.overall());
    }

    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static LeadToDispatch lead(int n, String regionCode, String industry) {
        return new LeadToDispatch(id("lead " + n), regionCode, industry);
    }
}
