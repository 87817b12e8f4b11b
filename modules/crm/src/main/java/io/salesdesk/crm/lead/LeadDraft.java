package io.salesdesk.crm.lead;

import io.salesdesk.crm.Tier;

/**
 * What a user types for a lead, from a form, a ledger row or the command line.
 *
 * @param name        the company (or person) asking, required
 * @param regionCode  GB/T 2260 code; null to derive it from the address
 * @param tier        the expected customer tier, may be null (treated as C for rules)
 * @param source      where it came from: 官网, 展会, 电话, 导入 …
 */
public record LeadDraft(String name, String contactName, String phone, String address, String regionCode,
                        String industry, Tier tier, String source, String note) {
}
