package io.salesdesk.crm.pool;

import io.salesdesk.crm.Tier;

/**
 * How the pool treats a tier: a claimed customer is protected for some days (nobody can take it
 * back); one not followed up for N days, or whose open deals made no progress for M days, goes
 * back to the pool.
 */
public record PoolPolicy(Tier tier, int protectionDays, int returnNoFollowUpDays, int returnNoProgressDays) {
}
