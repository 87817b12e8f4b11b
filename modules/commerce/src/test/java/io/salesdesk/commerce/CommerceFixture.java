package io.salesdesk.commerce;

import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductDraft;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.commerce.stock.WarehouseDraft;
import io.salesdesk.core.Actor;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The sales org of {@link SalesOrgFixture} with the commerce services, and helpers for products,
 * warehouses, stock, customers and deals. 温州 (330300) customers are the heroes of the issue.
 */
public final class CommerceFixture {

    public static final String WENZHOU = "330300";
    public static final String LUCHENG = "330302";
    public static final String ZHEJIANG = "330000";
    public static final String HANGZHOU = "330100";

    public final SalesOrgFixture org;
    public final Database db;
    public final Clock clock;
    public final ProductService products;
    public final StockService stock;
    public final OrderFreezeService freezes;
    public final OpportunityLines lines;
    public final QuoteService quotes;
    public final Actor admin;
    public final Actor manager;
    public final Actor rep;

    public CommerceFixture(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.org = new SalesOrgFixture(db, clock);
        this.products = new ProductService(db, clock);
        this.stock = new StockService(db, clock, org.regions);
        this.freezes = new OrderFreezeService(db, clock);
        this.lines = new OpportunityLines(db, clock, freezes, stock);
        this.quotes = new QuoteService(db, clock, freezes);
        this.admin = org.admin.asActor();
        this.manager = org.zjManager.asActor();
        this.rep = org.wang.asActor();
    }

    public Product product(String sku, String category, String listPrice, String costPrice) {
        return products.create(admin, new ProductDraft(sku, sku + " 型", category, "台", new BigDecimal(listPrice),
                new BigDecimal(costPrice)));
    }

    public Product substitutes(Product product, Product... ranked) {
        Product current = products.find(product.id()).orElseThrow();
        return products.setSubstitutes(admin, product.id(), current.version(),
                List.of(ranked).stream().map(Product::id).toList());
    }

    public Warehouse warehouse(String code, String... regions) {
        return stock.createWarehouse(admin, new WarehouseDraft(code, code + " 仓", null, List.of(regions)));
    }

    /** Puts {@code onHand} into the warehouse, and an inbound quantity with its date when given. */
    public void stock(Product p, Warehouse w, String onHand, String inbound, LocalDate eta) {
        if (new BigDecimal(onHand).signum() > 0) {
            stock.receive(admin, p.id(), w.id(), new BigDecimal(onHand));
        }
        if (inbound != null) {
            stock.setInbound(admin, p.id(), w.id(), new BigDecimal(inbound), eta);
        }
    }

    /** A customer of 王一 in the region. */
    public UUID customer(String name, String region) {
        return org.customer(org.wang, name, Tier.B, region, null);
    }

    /** An open deal of 王一 with the customer. */
    public UUID deal(UUID customerId, String name) {
        UUID id = Ids.newId(clock);
        User owner = org.wang;
        db.transaction(cfg -> {
            OpportunityRepository deals = OpportunityRepository.using(cfg, clock);
            String stage = deals.stages().get(0).code();
            deals.insertAll(null, ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), List.of(
                    new OpportunityRepository.NewOpportunity(id, new OpportunityDraft(customerId, name, owner.id(),
                            stage, null, null, null, null, null), 10, BoardRank.first(), null)));
        });
        return id;
    }
}
