package io.salesdesk.territory.surge;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A raised surge with its suggestion, as the map and the inbox show it.
 *
 * @param key            {@link MacroRegion} name or province code
 * @param regionName     the key in words (华东, 浙江省)
 * @param windowStart    start of the recent window
 * @param windowEnd      end of the recent window (when the scan ran)
 * @param ratio          recent over baseline; null for a zero baseline
 * @param headline       what happened, in the service's language
 * @param suggestionText the suggestion in words, e.g. "临时抽调华南 2 名负荷最低的销售：…"
 * @param notifiedUserId the supervisor who was told and may accept
 */
public record SurgeAlert(UUID id, String key, String regionName, WindowMode mode, OffsetDateTime windowStart,
                         OffsetDateTime windowEnd, int recent, double baseline, Double ratio,
                         LendSuggestion suggestion, SurgeStatus status, UUID notifiedUserId, UUID decidedBy,
                         OffsetDateTime decidedAt, OffsetDateTime createdAt, long version, String headline,
                         String suggestionText) {
}
