package io.salesdesk.board;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.core.StaleRecordException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer cards, for key-account boards (大客户专项攻坚): customers in columns by tier, or by a
 * choice field of their own. A move between tiers changes the customer's tier through the customer
 * rules; customers keep the list's order (by name) within a column.
 */
public final class CustomerCards implements CardSource {

    /** Most cards a customer column loads; the header still counts them all. */
    static final int COLUMN_LIMIT = 2000;

    private final CustomerService customers;
    private final RegionService regions;

    public CustomerCards(CustomerService customers, RegionService regions) {
        this.customers = customers;
        this.regions = regions;
    }

    @Override
    public BoardKind kind() {
        return BoardKind.CUSTOMER;
    }

    @Override
    public List<ColumnValue> columns() {
        return List.of(new ColumnValue("A", "A 类", "Tier A", "#CF222E", false),
                new ColumnValue("B", "B 类", "Tier B", "#BF8700", false),
                new ColumnValue("C", "C 类", "Tier C", "#0969DA", false),
                new ColumnValue("D", "D 类", "Tier D", "#8C959F", false));
    }

    @Override
    public Map<String, ColumnTotal> totals(Actor viewer, BoardFilter filter, String search) {
        Map<String, ColumnTotal> totals = new HashMap<>();
        for (Tier tier : tiers(filter)) {
            int count = customers.count(viewer, query(viewer, filter, search).withTier(tier));
            if (count > 0) {
                totals.put(tier.name(), new ColumnTotal(count, null));
            }
        }
        return totals;
    }

    @Override
    public List<Card> column(Actor viewer, String column, BoardFilter filter, String search, BoardField swimlane) {
        Tier tier = Tier.valueOf(column);
        if (!tiers(filter).contains(tier)) {
            return List.of();
        }
        return customers.page(viewer, query(viewer, filter, search).withTier(tier), 0, COLUMN_LIMIT).stream()
                .map(c -> card(c, swimlane)).toList();
    }

    @Override
    public UUID customerOf(Card card) {
        return card.id();
    }

    @Override
    public Optional<Card> find(Actor viewer, UUID id, BoardField swimlane) {
        return customers.open(viewer, id).map(d -> card(d.customer(), swimlane));
    }

    @Override
    public Card move(Actor actor, UUID id, long expectedVersion, String column, String reason, UUID above, UUID below,
                     BoardField swimlane) {
        Customer current = customers.open(actor, id).map(d -> d.customer())
                .orElseThrow(() -> new StaleRecordException("customer", id, expectedVersion, null));
        Tier tier = Tier.valueOf(column);
        if (current.tier() == tier) {
            return card(current, swimlane);
        }
        var draft = current.toDraft();
        Customer saved = customers.update(actor, id, expectedVersion, new io.salesdesk.crm.CustomerDraft(draft.name(),
                draft.creditCode(), tier, draft.industry(), draft.regionCode(), draft.address(), draft.phone(),
                draft.ownerId()));
        return card(saved, swimlane);
    }

    private Card card(Customer c, BoardField swimlane) {
        return new Card(c.id(), c.version(), c.tier().name(), null, lane(c, swimlane), c);
    }

    private String lane(Customer c, BoardField swimlane) {
        if (swimlane == null) {
            return null;
        }
        return switch (swimlane) {
            case CUSTOMER_OWNER -> c.ownerName() == null ? "" : c.ownerName();
            case CUSTOMER_TIER -> c.tier().name();
            case CUSTOMER_REGION -> c.regionCode() == null ? "" : regions.byCode(c.regionCode().substring(0, 2) + "0000")
                    .map(Region::name).orElse(c.regionCode());
            default -> null;
        };
    }

    /** The tiers the filter admits: one, or all. */
    private static List<Tier> tiers(BoardFilter filter) {
        return filter.tier() == null || filter.tier().isBlank() ? List.of(Tier.values())
                : List.of(Tier.valueOf(filter.tier().strip()));
    }

    private static CustomerQuery query(Actor viewer, BoardFilter filter, String search) {
        CustomerQuery query = CustomerQuery.all().withText(search == null ? "" : search)
                .withRegionPrefix(filter.regionPrefix() == null || filter.regionPrefix().isBlank() ? null
                        : filter.regionPrefix());
        return filter.mineOnly() ? query.withOwner(viewer.userId()) : query;
    }
}
