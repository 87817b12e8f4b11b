package io.salesdesk.insight.tier;

import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Tier;
import java.util.UUID;

/**
 * A tier action rule: "A 类客户：每月 2 次技术演示" is tier A, kind DEMO, count 2, period MONTH. Each
 * customer of the tier needs {@code count} activities of the kind in each period.
 *
 * @param id      id; null for a rule not saved yet
 * @param version optimistic-locking version; 0 for a new rule
 */
public record TierRule(UUID id, String name, Tier tier, ActivityKind activityKind, int count, Period period,
                       boolean enabled, long version) {
}
