package io.salesdesk.commerce.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The editable fields of a contract, as the form and the services that create contracts fill them.
 *
 * @param title        what is sold, e.g. 监护仪 20 台采购合同
 * @param customerId   the customer (required)
 * @param ownerId      the rep responsible; null for the actor
 * @param ourParty     our legal entity (甲方/乙方 as the paper says); null for the workspace's default
 * @param theirParty   the customer's legal entity; null for the customer's name
 * @param amount       the contract amount in yuan, more than zero
 * @param terms        the terms as text, may be null
 * @param paymentTerms the payment terms; null or empty for {@link PaymentTerm#defaults()}
 */
public record ContractDraft(String title, UUID customerId, UUID ownerId, String ourParty, String theirParty,
                            BigDecimal amount, String terms, List<PaymentTerm> paymentTerms) {
}
