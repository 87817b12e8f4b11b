package io.salesdesk.board;

import java.util.UUID;

/**
 * One card on a board: the item it shows and where it sits.
 *
 * @param id       the item's id
 * @param version  the item's version, sent back with a move so a concurrent change is caught
 * @param column   the column (the value of the grouping field)
 * @param rank     its place in the column
 * @param swimlane the lane label, or null when the board has no swimlanes
 * @param item     the item itself ({@code Opportunity}, {@code Task} or {@code Escalation}), for the card's fields
 */
public record Card(UUID id, long version, String column, String rank, String swimlane, Object item) {
}
