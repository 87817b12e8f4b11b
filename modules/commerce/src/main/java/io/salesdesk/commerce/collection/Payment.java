package io.salesdesk.commerce.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money received (回款) against a collection item.
 *
 * @param id               id
 * @param collectionItemId the schedule line it pays
 * @param amount           amount in yuan
 * @param receivedOn       the day it arrived
 * @param reference        the bank reference or receipt number, may be null
 */
public record Payment(UUID id, UUID collectionItemId, BigDecimal amount, LocalDate receivedOn, String reference) {
}
