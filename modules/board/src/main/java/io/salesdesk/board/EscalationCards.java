package io.salesdesk.board;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The supervisor's cards: escalations in columns by status (待处理, 处理中, 已解决). Moving a card
 * acknowledges or resolves it; resolving needs a note of what was done.
 */
public final class EscalationCards implements CardSource {

    static final int COLUMN_LIMIT = 2000;

    private final EscalationService escalations;

    public EscalationCards(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.ESCALATION;
    }

    @Override
    public List<ColumnValue> columns() {
        return List.of(new ColumnValue("OPEN", "待处理", "Open", "#CF222E", false),
                new ColumnValue("ACKNOWLEDGED", "处理中", "Acknowledged", "#9A6700", false),
                new ColumnValue("RESOLVED", "已解决", "Resolved", "#1A7F37", true));
    }

    @Override
    public Map<String, ColumnTotal> totals(Actor viewer, BoardFilter filter, String search) {
        Map<String, ColumnTotal> totals = new HashMap<>();
        if (search == null || search.isBlank()) {
            escalations.counts(viewer).forEach((status, count) -> totals.put(status.name(), new ColumnTotal(count, null)));
            return totals;
        }
        // The service counts without a search; a searched board counts what it shows.
        for (EscalationStatus status : EscalationStatus.values()) {
            totals.put(status.name(), new ColumnTotal(matching(viewer, status, search).size(), null));
        }
        return totals;
    }

    @Override
    public List<Card> column(Actor viewer, String column, BoardFilter filter, String search, BoardField swimlane) {
        return matching(viewer, EscalationStatus.valueOf(column), search).stream().map(e -> card(e, swimlane)).toList();
    }

    @Override
    public Optional<Card> find(Actor viewer, UUID id, BoardField swimlane) {
        return escalations.open(viewer, id).map(e -> card(e, swimlane));
    }

    @Override
    public Card move(Actor actor, UUID id, long expectedVersion, String column, String reason, UUID above, UUID below,
                     BoardField swimlane) {
        String rank = BoardRank.betweenNeighbours(rankOf(actor, above), rankOf(actor, below));
        return card(escalations.move(actor, id, expectedVersion, EscalationStatus.valueOf(column), reason, rank),
                swimlane);
    }

    private List<Escalation> matching(Actor viewer, EscalationStatus status, String search) {
        List<Escalation> all = escalations.column(viewer, status, COLUMN_LIMIT);
        if (search == null || search.isBlank()) {
            return all;
        }
        String text = search.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(e -> e.subjectLabel().toLowerCase(Locale.ROOT).contains(text)
                || e.reason().toLowerCase(Locale.ROOT).contains(text)).toList();
    }

    private String rankOf(Actor actor, UUID id) {
        return id == null ? null : escalations.open(actor, id).map(Escalation::rank).orElse(null);
    }

    private static Card card(Escalation e, BoardField swimlane) {
        String lane = swimlane == BoardField.RESPONSIBLE ? e.ownerName()
                : swimlane == BoardField.ESCALATION_KIND ? e.kind() : null;
        return new Card(e.id(), e.version(), e.status().name(), e.rank(), lane, e);
    }
}
