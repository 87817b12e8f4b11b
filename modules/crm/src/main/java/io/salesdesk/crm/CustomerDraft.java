package io.salesdesk.crm;

import java.util.UUID;

/**
 * What a user types to create or edit a customer; validated by {@link CustomerService}.
 *
 * @param name       registered name (required)
 * @param creditCode 统一社会信用代码, optional but checked when given
 * @param tier       A–D (required)
 * @param industry   industry code
 * @param regionCode GB/T 2260 code
 * @param address    street address
 * @param phone      main phone, checked and normalised when given
 * @param ownerId    owning rep
 */
public record CustomerDraft(String name, String creditCode, Tier tier, String industry, String regionCode,
                            String address, String phone, UUID ownerId) {
}
