package io.salesdesk.board;

import io.salesdesk.core.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the cards of one kind come from and how a move changes them. Each kind's service keeps its
 * own rules (a stage move goes through the stage rules); the board only asks.
 */
public interface CardSource {

    BoardKind kind();

    /** The columns the grouping field offers, in order. */
    List<ColumnValue> columns();

    /** Count (and Σ amount, for kinds with amounts) per column for the viewer through the filter, in SQL. */
    Map<String, ColumnTotal> totals(Actor viewer, BoardFilter filter, String search);

    /** One column's cards in rank order, with lanes by {@code swimlane} (null for none). */
    List<Card> column(Actor viewer, String column, BoardFilter filter, String search, BoardField swimlane);

    /** The amount a card adds to its column's Σ, for kinds with amounts; null otherwise. */
    default java.math.BigDecimal amount(Card card) {
        return null;
    }

    /** The customer a card is about (for its card facts), or null when it is about none. */
    default UUID customerOf(Card card) {
        return null;
    }

    /** The card as it is now, if the viewer may see it and it still exists. */
    Optional<Card> find(Actor viewer, UUID id, BoardField swimlane);

    /**
     * Moves a card to a column, between {@code above} and {@code below} (null at an end).
     *
     * @param reason why, where the column needs one (won, lost, resolved)
     * @throws io.salesdesk.core.ValidationException  when the item's rules refuse, saying why
     * @throws io.salesdesk.core.StaleRecordException when it changed or went away meanwhile
     */
    Card move(Actor actor, UUID id, long expectedVersion, String column, String reason, UUID above, UUID below,
              BoardField swimlane);
}
