package io.salesdesk.board;

/**
 * A line a card shows beyond its item's own fields: a custom field of the item, a custom field of
 * the item's customer (a deal card showing its customer's 竞争对手), or a card fact.
 *
 * @param key        its key in the board definition ({@code custom.competitor}, {@code customer.custom.competitor},
 *                   {@code fact.lastNotes})
 * @param custom     the custom field, or null for a fact
 * @param fact       the fact, or null for a custom field
 * @param ofCustomer whether {@code custom} is a field of the card's customer rather than of the item
 */
public record CardExtraField(String key, CustomCardField custom, CardFact fact, boolean ofCustomer) {

    /** Prefix of a customer's custom field on another kind's card: {@code customer.custom.competitor}. */
    public static final String CUSTOMER_PREFIX = "customer." + CustomCardField.PREFIX;

    public CardExtraField(String key, CustomCardField custom, CardFact fact) {
        this(key, custom, fact, false);
    }

    /** The customer's custom field key in a definition key, or null when it names none. */
    public static String customerKeyOf(String definitionKey) {
        return definitionKey != null && definitionKey.startsWith(CUSTOMER_PREFIX)
                ? definitionKey.substring(CUSTOMER_PREFIX.length()) : null;
    }
}
