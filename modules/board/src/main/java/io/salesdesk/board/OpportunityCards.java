package io.salesdesk.board;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The pipeline's cards: opportunities in columns by stage, moved through the stage rules. */
public final class OpportunityCards implements CardSource {

    private final OpportunityService opportunities;
    private final RegionService regions;

    public OpportunityCards(OpportunityService opportunities, RegionService regions) {
        this.opportunities = opportunities;
        this.regions = regions;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.OPPORTUNITY;
    }

    @Override
    public List<ColumnValue> columns() {
        return opportunities.stages().stream()
                .map(s -> new ColumnValue(s.code(), s.nameZh(), s.nameEn(), s.colour(), s.closes())).toList();
    }

    @Override
    public Map<String, ColumnTotal> totals(Actor viewer, BoardFilter filter, String search) {
        Map<String, ColumnTotal> totals = new HashMap<>();
        opportunities.totals(viewer, filter(viewer, filter, search))
                .forEach((stage, t) -> totals.put(stage, new ColumnTotal(t.count(), t.amount())));
        return totals;
    }

    @Override
    public List<Card> column(Actor viewer, String column, BoardFilter filter, String search, BoardField swimlane) {
        return opportunities.column(viewer, column, filter(viewer, filter, search)).stream()
                .map(o -> card(o, swimlane)).toList();
    }

    @Override
    public java.math.BigDecimal amount(Card card) {
        return ((Opportunity) card.item()).amount();
    }

    @Override
    public UUID customerOf(Card card) {
        return ((Opportunity) card.item()).customerId();
    }

    @Override
    public Optional<Card> find(Actor viewer, UUID id, BoardField swimlane) {
        return opportunities.find(viewer, id).map(o -> card(o, swimlane));
    }

    @Override
    public Card move(Actor actor, UUID id, long expectedVersion, String column, String reason, UUID above, UUID below,
                     BoardField swimlane) {
        return card(opportunities.move(actor, id, expectedVersion, column, reason, above, below), swimlane);
    }

    private Card card(Opportunity o, BoardField swimlane) {
        return new Card(o.id(), o.version(), o.stage(), o.rank(), lane(o, swimlane), o);
    }

    private String lane(Opportunity o, BoardField swimlane) {
        if (swimlane == null) {
            return null;
        }
        return switch (swimlane) {
            case OWNER -> o.ownerName();
            case TIER -> o.customerTier().name();
            case REGION -> o.regionCode() == null ? "" : regions.byCode(o.regionCode().substring(0, 2) + "0000")
                    .map(Region::name).orElse(o.regionCode());
            default -> null;
        };
    }

    private static OpportunityFilter filter(Actor viewer, BoardFilter filter, String search) {
        Tier tier = filter.tier() == null || filter.tier().isBlank() ? null : Tier.valueOf(filter.tier().strip());
        return new OpportunityFilter(filter.mineOnly() ? Set.of(viewer.userId()) : null, filter.regionPrefix(),
                filter.products(), search, tier);
    }
}
