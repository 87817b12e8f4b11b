package io.salesdesk.board;

import java.util.UUID;

/**
 * A saved board.
 *
 * @param id         id
 * @param kind       what it shows
 * @param name       the name in the board picker, e.g. 华东销售漏斗
 * @param order      its place in the picker
 * @param definition how it shows its items
 * @param version    optimistic-lock version
 */
public record Board(UUID id, BoardKind kind, String name, int order, BoardDefinition definition, long version) {
}
