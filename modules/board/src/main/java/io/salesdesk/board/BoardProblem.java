package io.salesdesk.board;

/**
 * Something in a board's definition the board could not honour, shown above the board instead of
 * failing to open it (a field retired in the studio, a definition that cannot be read).
 *
 * @param messageKey what is wrong, e.g. {@code board.problem.unknownField}
 * @param argument   the field key or column concerned, or empty
 */
public record BoardProblem(String messageKey, String argument) {
}
