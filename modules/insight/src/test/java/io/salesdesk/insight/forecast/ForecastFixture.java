package io.salesdesk.insight.forecast;

import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_LINE;
import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.QUOTE;
import static io.salesdesk.db.jooq.Tables.QUOTE_LINE;
import static io.salesdesk.db.jooq.Tables.STOCK;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE_REGION;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * The sales org of {@link SalesOrgFixture} (浙江大区: 王一, 李二 under 陈东; 江苏大区: 张三 under 赵南)
 * with deals, contracts and stock written straight into a real database, so each figure can be
 * computed by hand. Today is Thursday 2026-11-26 in Shanghai; the forecast period is 2026 Q4.
 */
final class ForecastFixture {

    static final Instant NOW = Instant.parse("2026-11-26T01:30:00Z");
    static final ForecastPeriod Q4 = ForecastPeriod.containing(ForecastPeriod.Kind.QUARTER, LocalDate.of(2026, 11, 26));

    final Database db;
    final TestClock clock;
    final SalesOrgFixture org;
    final UUID wangCustomer;
    final UUID liCustomer;
    final UUID zhangCustomer;
    private int contractNo;

    ForecastFixture(Database db) {
        this(db, NOW);
    }

    ForecastFixture(Database db, Instant now) {
        this.db = db;
        this.clock = new TestClock(now);
        this.org = new SalesOrgFixture(db, clock);
        wangCustomer = org.customer(org.wang, "杭州市西湖区人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        liCustomer = org.customer(org.li, "杭州市第一人民医院", Tier.B, SalesOrgFixture.HANGZHOU, null);
        zhangCustomer = org.customer(org.zhang, "苏州市立医院", Tier.B, SalesOrgFixture.SUZHOU, null);
    }

    UUID deal(User owner, UUID customer, String stage, String amount, int probability, LocalDate closeOn) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> OpportunityRepository.using(cfg, clock).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"),
                List.of(new OpportunityRepository.NewOpportunity(id, new OpportunityDraft(customer, "deal " + id,
                        owner.id(), stage, amount == null ? null : new BigDecimal(amount), closeOn, probability, null,
                        null), probability, "m" + id, null))));
        return id;
    }

    void deleteDeal(UUID id) {
        db.transaction(cfg -> DSL.using(cfg).update(io.salesdesk.db.jooq.Tables.OPPORTUNITY)
                .set(io.salesdesk.db.jooq.Tables.OPPORTUNITY.DELETED_AT, OffsetDateTime.now(clock))
                .where(io.salesdesk.db.jooq.Tables.OPPORTUNITY.ID.eq(id)).execute());
    }

    void contract(User owner, UUID customer, String amount, String status, LocalDate signedOn, boolean deleted) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int no = ++contractNo;
        db.transaction(cfg -> DSL.using(cfg).insertInto(CONTRACT)
                .set(CONTRACT.ID, Ids.newId(clock)).set(CONTRACT.CONTRACT_NO, "HT-" + no).set(CONTRACT.TITLE, "合同 " + no)
                .set(CONTRACT.CUSTOMER_ID, customer).set(CONTRACT.OWNER_ID, owner.id())
                .set(CONTRACT.OUR_PARTY, "我方").set(CONTRACT.THEIR_PARTY, "客户")
                .set(CONTRACT.AMOUNT, new BigDecimal(amount)).set(CONTRACT.STATUS, status)
                .set(CONTRACT.SIGNED_ON, signedOn).set(CONTRACT.VERSION, 1L)
                .set(CONTRACT.CREATED_AT, now).set(CONTRACT.UPDATED_AT, now)
                .set(CONTRACT.DELETED_AT, deleted ? now : null).execute());
    }

    UUID product(String sku) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.transaction(cfg -> DSL.using(cfg).insertInto(PRODUCT).set(PRODUCT.ID, id).set(PRODUCT.SKU, sku)
                .set(PRODUCT.NAME, "监护仪 " + sku).set(PRODUCT.CATEGORY, "监护仪").set(PRODUCT.UNIT, "台")
                .set(PRODUCT.LIST_PRICE, BigDecimal.TEN).set(PRODUCT.COST_PRICE, BigDecimal.ONE)
                .set(PRODUCT.ACTIVE, true).set(PRODUCT.VERSION, 1L).set(PRODUCT.CREATED_AT, now)
                .set(PRODUCT.UPDATED_AT, now).execute());
        return id;
    }

    UUID warehouse(String code, String... regions) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.transaction(cfg -> {
            DSL.using(cfg).insertInto(WAREHOUSE).set(WAREHOUSE.ID, id).set(WAREHOUSE.CODE, code)
                    .set(WAREHOUSE.NAME, code).set(WAREHOUSE.ACTIVE, true).set(WAREHOUSE.VERSION, 1L)
                    .set(WAREHOUSE.CREATED_AT, now).set(WAREHOUSE.UPDATED_AT, now).execute();
            for (String region : regions) {
                DSL.using(cfg).insertInto(WAREHOUSE_REGION).set(WAREHOUSE_REGION.WAREHOUSE_ID, id)
                        .set(WAREHOUSE_REGION.REGION_CODE, region).execute();
            }
        });
        return id;
    }

    void stock(UUID product, UUID warehouse, String onHand, String reserved, String inbound) {
        db.transaction(cfg -> DSL.using(cfg).insertInto(STOCK).set(STOCK.PRODUCT_ID, product)
                .set(STOCK.WAREHOUSE_ID, warehouse).set(STOCK.ON_HAND, new BigDecimal(onHand))
                .set(STOCK.RESERVED, new BigDecimal(reserved)).set(STOCK.INBOUND, new BigDecimal(inbound))
                .set(STOCK.VERSION, 1L).set(STOCK.UPDATED_AT, OffsetDateTime.now(clock)).execute());
    }

    void opportunityLine(UUID deal, UUID product, String quantity) {
        db.transaction(cfg -> DSL.using(cfg).insertInto(OPPORTUNITY_LINE).set(OPPORTUNITY_LINE.ID, Ids.newId(clock))
                .set(OPPORTUNITY_LINE.OPPORTUNITY_ID, deal).set(OPPORTUNITY_LINE.LINE_NO, 1)
                .set(OPPORTUNITY_LINE.PRODUCT_ID, product).set(OPPORTUNITY_LINE.QUANTITY, new BigDecimal(quantity))
                .execute());
    }

    void quote(UUID deal, User owner, UUID customer, String status, OffsetDateTime createdAt, UUID product,
               String quantity) {
        UUID id = Ids.newId(clock);
        db.transaction(cfg -> {
            DSL.using(cfg).insertInto(QUOTE).set(QUOTE.ID, id).set(QUOTE.QUOTE_NO, "BJ-" + id)
                    .set(QUOTE.OPPORTUNITY_ID, deal).set(QUOTE.CUSTOMER_ID, customer).set(QUOTE.OWNER_ID, owner.id())
                    .set(QUOTE.STATUS, status).set(QUOTE.VALID_UNTIL, LocalDate.of(2026, 12, 31))
                    .set(QUOTE.TOTAL_LIST, BigDecimal.ZERO).set(QUOTE.TOTAL_NET, BigDecimal.ZERO)
                    .set(QUOTE.TOTAL_COST, BigDecimal.ZERO).set(QUOTE.MAX_DISCOUNT_PCT, BigDecimal.ZERO)
                    .set(QUOTE.NEEDS_APPROVAL, false).set(QUOTE.VERSION, 1L).set(QUOTE.CREATED_AT, createdAt)
                    .set(QUOTE.UPDATED_AT, createdAt).execute();
            DSL.using(cfg).insertInto(QUOTE_LINE).set(QUOTE_LINE.ID, Ids.newId(clock)).set(QUOTE_LINE.QUOTE_ID, id)
                    .set(QUOTE_LINE.LINE_NO, 1).set(QUOTE_LINE.PRODUCT_ID, product)
                    .set(QUOTE_LINE.QUANTITY, new BigDecimal(quantity)).set(QUOTE_LINE.UNIT_PRICE, BigDecimal.TEN)
                    .set(QUOTE_LINE.DISCOUNT_PCT, BigDecimal.ZERO).set(QUOTE_LINE.UNIT_COST, BigDecimal.ONE).execute();
        });
    }
}
