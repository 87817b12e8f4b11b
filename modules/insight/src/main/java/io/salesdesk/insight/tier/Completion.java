package io.salesdesk.insight.tier;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Required and done activities of a rep, a team or a customer over a period. Done counts each
 * customer's activities up to what the rule requires, so one over-served customer does not hide
 * another left alone.
 *
 * @param id    the rep's, team's or customer's id
 * @param name  their name
 * @param group the rep's team (for a rep), the owner (for a customer); may be null
 */
public record Completion(UUID id, String name, String group, int required, int done) {

    /** Done over required, 0–1; empty when nothing was required (no data, never NaN). */
    public OptionalDouble ratio() {
        return required == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / required);
    }

    Completion plus(int moreRequired, int moreDone) {
        return new Completion(id, name, group, required + moreRequired, done + moreDone);
    }
}
