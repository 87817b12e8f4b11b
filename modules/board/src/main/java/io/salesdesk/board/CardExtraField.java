package io.salesdesk.board;

/**
 * A line a card shows beyond its item's own fields: a custom field or a card fact.
 *
 * @param key    its key in the board definition ({@code custom.competitor}, {@code fact.lastNotes})
 * @param custom the custom field, or null for a fact
 * @param fact   the fact, or null for a custom field
 */
public record CardExtraField(String key, CustomCardField custom, CardFact fact) {
}
