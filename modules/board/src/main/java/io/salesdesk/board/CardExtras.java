package io.salesdesk.board;

import java.util.List;
import java.util.Map;

/**
 * What a card shows beyond its item's own fields: custom values and facts about its customer.
 *
 * @param custom     the item's custom values as canonical text, by field key
 * @param keyContact the customer's key contact, or null when there is none (or the board does not ask)
 * @param notes      the latest notes, newest first; empty when none (or the board does not ask)
 */
public record CardExtras(Map<String, String> custom, KeyContact keyContact, List<CardNote> notes) {

    public static final CardExtras NONE = new CardExtras(Map.of(), null, List.of());

    public CardExtras {
        custom = Map.copyOf(custom);
        notes = List.copyOf(notes);
    }
}
