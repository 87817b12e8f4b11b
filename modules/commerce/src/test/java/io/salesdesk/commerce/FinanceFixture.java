package io.salesdesk.commerce;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The sales org of {@link SalesOrgFixture} with customers and deals for the finance tests: a
 * customer of 王一 in 杭州 and deals in any stage, won at a chosen time.
 */
public final class FinanceFixture {

    public final SalesOrgFixture org;
    private final Database db;
    private final Clock clock;

    public FinanceFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.org = new SalesOrgFixture(db, clock);
    }

    /** A customer owned by {@code owner} in 西湖区. */
    public UUID customer(User owner, String name) {
        return org.customer(owner, name, Tier.B, SalesOrgFixture.XIHU, null);
    }

    /** A deal of the customer's in {@code stage}; a WON or LOST deal closed at {@code closedAt}. */
    public UUID deal(UUID customerId, User owner, String name, String stage, BigDecimal amount,
                     OffsetDateTime closedAt) {
        UUID id = Ids.newId(clock);
        boolean closes = stage.equals("WON") || stage.equals("LOST");
        OpportunityDraft draft = new OpportunityDraft(customerId, name, owner.id(), stage, amount, null, null, null,
                closes ? "测试" : null);
        db.transaction(cfg -> OpportunityRepository.using(cfg, clock).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), List.of(new OpportunityRepository.NewOpportunity(
                        id, draft, closes ? 100 : 50, BoardRank.first(), closedAt))));
        return id;
    }
}
