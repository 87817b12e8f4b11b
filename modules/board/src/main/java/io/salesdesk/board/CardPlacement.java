package io.salesdesk.board;

import java.util.UUID;

/**
 * Where a card sits on a board with manual columns.
 *
 * @param itemId  the item the card shows
 * @param column  the manual column's key
 * @param rank    its place in the column
 * @param version optimistic-lock version of the placement
 */
public record CardPlacement(UUID itemId, String column, String rank, long version) {
}
