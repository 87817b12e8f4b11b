package io.salesdesk.insight.forecast;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a forecast cell, as history: who, when, old → new and why.
 *
 * @param id        id
 * @param kind      a rep's commit or a manager's adjustment
 * @param oldAmount the value before (null for the first)
 * @param amount    the value after
 * @param note      why (required for an adjustment)
 * @param byId      who
 * @param byName    who, by name
 * @param at        when (UTC)
 */
public record ForecastEntry(UUID id, Kind kind, BigDecimal oldAmount, BigDecimal amount, String note, UUID byId,
                            String byName, OffsetDateTime at) {

    /** What was entered. */
    public enum Kind {
        COMMIT, ADJUST
    }
}
