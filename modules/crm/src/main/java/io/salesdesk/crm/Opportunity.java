package io.salesdesk.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deal being worked with a customer, as the pipeline board and the forms show it.
 *
 * @param id              id
 * @param customerId      the customer
 * @param customerName    the customer's name
 * @param customerTier    the customer's tier (a swimlane)
 * @param regionCode      the customer's region code (a swimlane and a filter)
 * @param name            what is being sold, e.g. 监护仪 20 台
 * @param ownerId         the rep working the deal
 * @param ownerName       the rep's name
 * @param stage           stage code
 * @param amount          expected amount in yuan, may be null early on
 * @param expectedCloseOn the date the deal is expected to close, may be null
 * @param probability     win probability in percent
 * @param products        the products planned, free text until products arrive
 * @param closeReason     why it was won or lost
 * @param stageChangedAt  when it entered its stage (how long it has been stuck)
 * @param closedAt        when it was won or lost
 * @param rank            its place within its column
 * @param version         optimistic-lock version
 * @param updatedAt       last change
 */
public record Opportunity(UUID id, UUID customerId, String customerName, Tier customerTier, String regionCode,
                          String name, UUID ownerId, String ownerName, String stage, BigDecimal amount,
                          LocalDate expectedCloseOn, int probability, String products, String closeReason,
                          OffsetDateTime stageChangedAt, OffsetDateTime closedAt, String rank, long version,
                          OffsetDateTime updatedAt) {

    /** The editable fields, as a form starts from them. */
    public OpportunityDraft toDraft() {
        return new OpportunityDraft(customerId, name, ownerId, stage, amount, expectedCloseOn, probability, products,
                closeReason);
    }
}
