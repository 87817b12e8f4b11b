package io.salesdesk.commerce.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sales contract (合同) as the contract list and form show it.
 *
 * @param id            id
 * @param contractNo    number, e.g. HT-2026-0001
 * @param title         what is sold
 * @param customerId    the customer
 * @param customerName  the customer's name
 * @param opportunityId the won deal it came from, may be null
 * @param quoteId       the quote it came from, may be null
 * @param ownerId       the rep responsible
 * @param ownerName     the rep's name
 * @param ourParty      our legal entity
 * @param theirParty    the customer's legal entity
 * @param amount        amount in yuan
 * @param terms         terms as text, may be null
 * @param status        where it stands
 * @param signedOn      the sign date, null before signing
 * @param voidReason    why it was voided, null unless VOID
 * @param paymentTerms  the payment terms in order
 * @param version       optimistic-lock version
 * @param createdAt     when it was created
 * @param updatedAt     last change
 */
public record Contract(UUID id, String contractNo, String title, UUID customerId, String customerName,
                       UUID opportunityId, UUID quoteId, UUID ownerId, String ownerName, String ourParty,
                       String theirParty, BigDecimal amount, String terms, ContractStatus status, LocalDate signedOn,
                       String voidReason, List<PaymentTerm> paymentTerms, long version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {
}
