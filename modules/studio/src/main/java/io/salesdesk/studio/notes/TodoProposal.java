package io.salesdesk.studio.notes;

import java.time.LocalDateTime;

/**
 * A to-do proposed from a visit or call note, for the rep to confirm or edit before it becomes a task.
 *
 * @param title   what to do, in the note's own words without the date ("给王主任发送报价")
 * @param action  the kind of action the phrase names
 * @param due     when, read from the note's date and time phrase; null when the note names none
 * @param dueText the phrase the due time was read from ("下周三下午"), null with no due time
 */
public record TodoProposal(String title, TodoAction action, LocalDateTime due, String dueText) {
}
