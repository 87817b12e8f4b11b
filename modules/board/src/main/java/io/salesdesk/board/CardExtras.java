package io.salesdesk.board;

import java.util.List;
import java.util.Map;

/**
 * What a card shows beyond its item's own fields: custom values and facts about its customer.
 *
 * @param custom     the item's custom values as canonical text, by field key
 * @param keyContact the customer's key contact, or null when there is none (or the board does not ask)
 * @param notes      the latest notes, newest first; empty when none (or the board does not ask)
 * @param customerCustom the card's customer's custom values, by field key, on cards of other kinds
 */
public record CardExtras(Map<String, String> custom, KeyContact keyContact, List<CardNote> notes,
                         Map<String, String> customerCustom) {

    public static final CardExtras NONE = new CardExtras(Map.of(), null, List.of(), Map.of());

    public CardExtras {
        custom = Map.copyOf(custom);
        customerCustom = Map.copyOf(customerCustom);
        notes = List.copyOf(notes);
    }
}
