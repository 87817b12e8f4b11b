package io.salesdesk.commerce.collection;

import java.util.UUID;

/**
 * The ageing of one customer's or one owner's receivables.
 *
 * @param id     the customer's or owner's id
 * @param name   their name
 * @param ageing the amounts per bucket
 */
public record AgeingLine(UUID id, String name, Ageing ageing) {
}
