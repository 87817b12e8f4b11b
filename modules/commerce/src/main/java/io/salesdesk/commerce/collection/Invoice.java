package io.salesdesk.commerce.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice (发票) issued against a collection item.
 *
 * @param id               id
 * @param invoiceNo        number, e.g. FP-2026-00001
 * @param contractId       the contract
 * @param collectionItemId the schedule line it bills
 * @param amount           amount in yuan
 * @param issuedOn         issue date
 */
public record Invoice(UUID id, String invoiceNo, UUID contractId, UUID collectionItemId, BigDecimal amount,
                      LocalDate issuedOn) {
}
