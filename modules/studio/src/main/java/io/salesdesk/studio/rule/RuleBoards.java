package io.salesdesk.studio.rule;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The boards a "move on a board" action can name, and what a move on each sets: a rule on customers moves
 * cards on customer boards, one on opportunities on pipeline boards; a board whose columns come from a
 * field (the stage, the tier, a single-choice custom field) sets that field, a board with its own columns
 * sets nothing a rule can watch.
 */
final class RuleBoards {

    private RuleBoards() {
    }

    /** The kind of board whose cards are the entity's records; empty for leads (their board is no saved board). */
    static Optional<BoardKind> kindOf(String entity) {
        if (RuleDefinition.CUSTOMER.equals(entity) || entity == null) {
            return Optional.of(BoardKind.CUSTOMER);
        }
        return RuleDefinition.OPPORTUNITY.equals(entity) ? Optional.of(BoardKind.OPPORTUNITY) : Optional.empty();
    }

    static Optional<Board> find(Database db, Clock clock, String id) {
        Optional<UUID> board = id(id);
        return board.isEmpty() ? Optional.empty()
                : db.transactionResult(cfg -> BoardRepository.using(cfg, clock).find(board.get()));
    }

    static Optional<Board> find(Configuration cfg, Clock clock, String id) {
        return id(id).flatMap(board -> BoardRepository.using(cfg, clock).find(board));
    }

    /**
     * The rule field a move on the board sets, in the rules' own keys ({@code stage}, {@code tier},
     * {@code custom.key}); empty for a board with its own columns.
     */
    static Optional<String> fieldSetBy(Board board) {
        if (board.definition().manual() || board.definition().groupBy() == null) {
            return Optional.empty();
        }
        return Optional.of(board.definition().groupBy());
    }

    private static Optional<UUID> id(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
