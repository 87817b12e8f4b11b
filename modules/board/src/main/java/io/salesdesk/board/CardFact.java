package io.salesdesk.board;

import java.util.Arrays;
import java.util.Optional;

/**
 * Facts about a card's customer that a sales director wants on the card and that no single field
 * holds: who the key contact is, and what the last follow-ups said. A board definition names them
 * among its card fields as {@code fact.keyContact} and {@code fact.lastNotes}.
 */
public enum CardFact {
    /** The customer's key contact (technical contact, decision maker …) with their title. */
    KEY_CONTACT("fact.keyContact"),
    /** The last few follow-up notes with their date and kind (meetings and visits, say). */
    LAST_NOTES("fact.lastNotes");

    private final String key;

    CardFact(String key) {
        this.key = key;
    }

    /** The key a board definition stores. */
    public String key() {
        return key;
    }

    public static Optional<CardFact> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
