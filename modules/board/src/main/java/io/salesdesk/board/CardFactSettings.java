package io.salesdesk.board;

import java.util.Arrays;
import java.util.List;

/**
 * How a board finds its card facts. Every part is optional; an absent part takes the default.
 *
 * @param contactField a contact custom field that marks the key contact (e.g. {@code contact_role}), or null
 * @param contactValue the value of {@code contactField} that marks it (e.g. 技术负责人)
 * @param contactTitles words of a title that mark it, separated by 、 or commas (e.g. 技术、设备科、信息科);
 *                     used when no contact carries {@code contactValue}
 * @param noteCount    how many of the latest notes a card shows, 1–10 (default 3)
 * @param noteKinds    the activity kinds counted as notes ({@code MEETING}, {@code VISIT} …); empty for all
 */
public record CardFactSettings(String contactField, String contactValue, String contactTitles, Integer noteCount,
                               List<String> noteKinds) {

    /** Most notes a card shows: a card is not a timeline. */
    public static final int MAX_NOTES = 10;
    public static final int DEFAULT_NOTES = 3;
    /** The primary contact and the last three notes of any kind. */
    public static final CardFactSettings DEFAULT = new CardFactSettings(null, null, null, null, List.of());

    public CardFactSettings {
        noteKinds = noteKinds == null ? List.of() : List.copyOf(noteKinds);
    }

    /** How many notes a card shows, within 1–{@link #MAX_NOTES}. */
    public int notes() {
        return noteCount == null ? DEFAULT_NOTES : Math.max(1, Math.min(MAX_NOTES, noteCount));
    }

    /** Whether a contact chosen by field or title, rather than the primary contact, is the key one. */
    public boolean choosesContact() {
        return (contactField != null && !contactField.isBlank() && contactValue != null && !contactValue.isBlank())
                || !titleWords().isEmpty();
    }

    /** The title words, trimmed, blanks dropped. */
    public List<String> titleWords() {
        if (contactTitles == null) {
            return List.of();
        }
        return Arrays.stream(contactTitles.split("[、,，;；/|]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
