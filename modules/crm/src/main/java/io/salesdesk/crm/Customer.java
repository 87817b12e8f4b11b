package io.salesdesk.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer as the list and the detail pane show it, with its owner's and region's names.
 *
 * @param id              id
 * @param name            registered name
 * @param creditCode      统一社会信用代码, may be null
 * @param tier            A–D
 * @param industry        industry code, may be null
 * @param regionCode      GB/T 2260 code (county, city or province), may be null
 * @param regionName      full region name, e.g. 江苏省 苏州市 姑苏区
 * @param address         street address
 * @param phone           main phone, normalised
 * @param ownerId         owning rep, null when in the public pool
 * @param ownerName       owning rep's name
 * @param lastFollowUpAt  time of the latest follow-up
 * @param nextFollowUpOn  date the next follow-up is due
 * @param version         optimistic-lock version
 * @param updatedAt       last change
 */
public record Customer(UUID id, String name, String creditCode, Tier tier, String industry, String regionCode,
                       String regionName, String address, String phone, UUID ownerId, String ownerName,
                       OffsetDateTime lastFollowUpAt, LocalDate nextFollowUpOn, long version,
                       OffsetDateTime updatedAt) {

    /** The editable fields of this customer, as a form starts from them. */
    public CustomerDraft toDraft() {
        return new CustomerDraft(name, creditCode, tier, industry, regionCode, address, phone, ownerId);
    }
}
