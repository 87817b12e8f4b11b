package io.salesdesk.board;

import java.time.OffsetDateTime;

/**
 * One follow-up note as a card shows it.
 *
 * @param at   when it happened
 * @param kind the activity kind ({@code MEETING}, {@code VISIT} …)
 * @param text the note, or its outcome when the note is empty
 */
public record CardNote(OffsetDateTime at, String kind, String text) {
}
