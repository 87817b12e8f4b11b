package io.salesdesk.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a user enters for an opportunity. A null owner means the customer's owner (or the user when
 * the customer has none); a null probability means the stage's default.
 */
public record OpportunityDraft(UUID customerId, String name, UUID ownerId, String stage, BigDecimal amount,
                               LocalDate expectedCloseOn, Integer probability, String products,
                               String closeReason) {
}
