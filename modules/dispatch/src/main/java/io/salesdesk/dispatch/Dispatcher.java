package io.salesdesk.dispatch;

import io.salesdesk.crm.lead.Lead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Chooses the rep for each lead, one at a time, from a roster read once: each assignment adds
 * the lead to the rep's load, so the next lead sees it. Pure and single-threaded; the service
 * reads the roster and writes the results.
 *
 * <p>A lead goes to the reps whose territories cover its region, or to every rep when nobody
 * covers it (flagged) or it has no region (flagged). A rep who is away, or whose load would pass
 * their capacity with this lead, is not eligible. The best score wins; equal scores go to the rep
 * who waited longest for a lead (round robin).
 */
public final class Dispatcher {

    private static final double TIE = 1e-9;
    private static final RepCandidate.Match NO_MATCH = new RepCandidate.Match(RegionMatch.NONE, null);

    private final DispatchWeights weights;
    private final List<RepState> reps = new ArrayList<>();
    private final Map<String, List<RepState>> byTerritory = new HashMap<>();
    private long turn;

    public Dispatcher(List<RepCandidate> roster, DispatchWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
        List<RepCandidate> ordered = new ArrayList<>(roster);
        // Who waited longest goes first on a tie: never-assigned reps, then by last assignment.
        ordered.sort(Comparator.comparing(RepCandidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RepCandidate::userId));
        long initial = -ordered.size();
        for (RepCandidate c : ordered) {
            RepState state = new RepState(c, initial++);
            reps.add(state);
            for (String t : c.territories()) {
                byTerritory.computeIfAbsent(t, k -> new ArrayList<>()).add(state);
            }
        }
    }

    /** Chooses the rep for the lead and counts it in their load. */
    public Assignment dispatch(LeadToDispatch lead) {
        Lead.AssignmentFlag flag = null;
        List<RepState> pool;
        if (lead.regionCode() == null) {
            flag = Lead.AssignmentFlag.NO_REGION;
            pool = eligible(reps);
        } else {
            pool = eligible(covering(lead.regionCode()));
            if (pool.isEmpty()) {
                flag = Lead.AssignmentFlag.OUT_OF_TERRITORY;
                pool = eligible(reps);
            }
        }
        if (pool.isEmpty()) {
            return Assignment.nobody(lead.id());
        }
        double lowestLoad = Double.MAX_VALUE;
        List<RepCandidate> weighed = new ArrayList<>(pool.size());
        for (RepState r : pool) {
            lowestLoad = Math.min(lowestLoad, r.loadIndex());
            weighed.add(r.candidate);
        }
        double fastestCycle = HistoryFit.fastestCycle(weighed, lead.industry());
        RepState best = null;
        double bestScore = -1;
        RepCandidate.Match bestMatch = null;
        boolean tie = false;
        for (RepState r : pool) {
            // A flagged lead's pool is reps who do not cover its region: no need to look.
            RepCandidate.Match match = flag == null ? r.candidate.bestMatch(lead.regionCode()) : NO_MATCH;
            double score = weights.region() * match.level().score()
                    + weights.load() * Math.max(0, 1 - r.loadIndex())
                    + weights.fit() * HistoryFit.of(r.candidate.recordFor(lead.industry()), fastestCycle);
            if (best == null || score > bestScore + TIE) {
                best = r;
                bestScore = score;
                bestMatch = match;
                tie = false;
            } else if (score > bestScore - TIE) {
                tie = true;
                if (r.turn < best.turn) {
                    best = r;
                    bestMatch = match;
                }
            }
        }
        TrackRecord record = best.candidate.recordFor(lead.industry());
        TrackRecord specific = lead.industry() == null ? null : best.candidate.byIndustry().get(lead.industry());
        boolean industryRecord = specific != null && specific.meaningful();
        Assignment assignment = new Assignment(lead.id(), best.candidate.userId(), best.candidate.name(), flag,
                bestScore, bestMatch.level(), bestMatch.territory(), best.loadIndex(),
                pool.size() > 1 && best.loadIndex() <= lowestLoad + TIE, industryRecord ? lead.industry() : null,
                record.meaningful() ? record.medianCycleDays() : Double.NaN,
                pool.size() > 1 && record.meaningful() && record.medianCycleDays() <= fastestCycle + TIE,
                record.winRate(), pool.size(), tie);
        best.openLeads++;
        best.turn = ++turn;
        return assignment;
    }

    /** Every rep's load index now (for the load view and re-balancing). */
    public Map<UUID, Double> loadIndexes() {
        Map<UUID, Double> loads = new HashMap<>();
        reps.forEach(r -> loads.put(r.candidate.userId(), r.loadIndex()));
        return loads;
    }

    private List<RepState> covering(String regionCode) {
        List<RepState> found = new ArrayList<>();
        for (String key : List.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")) {
            for (RepState r : byTerritory.getOrDefault(key, List.of())) {
                if (!found.contains(r)) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    private List<RepState> eligible(List<RepState> candidates) {
        List<RepState> eligible = new ArrayList<>(candidates.size());
        for (RepState r : candidates) {
            if (weights.canTakeOneMore(r.candidate, r.openLeads)) {
                eligible.add(r);
            }
        }
        return eligible;
    }

    private final class RepState {
        private final RepCandidate candidate;
        private int openLeads;
        private long turn;

        RepState(RepCandidate candidate, long turn) {
            this.candidate = candidate;
            this.openLeads = candidate.openLeads();
            this.turn = turn;
        }

        double loadIndex() {
            return weights.loadIndex(candidate, openLeads);
        }
    }
}
