package io.salesdesk.insight.forecast;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_LINE;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.QUOTE;
import static io.salesdesk.db.jooq.Tables.QUOTE_LINE;
import static io.salesdesk.db.jooq.Tables.REGION;
import static io.salesdesk.db.jooq.Tables.SAFETY_STOCK;
import static io.salesdesk.db.jooq.Tables.STOCK;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE_REGION;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The procurement figures, each one grouped query: forecast quantity per SKU and province from
 * the open deals' lines, and stock per SKU and province over the warehouses serving it.
 */
public final class ProcurementRepository {

    private static final List<String> DEAD_QUOTES = List.of("REJECTED", "EXPIRED");

    private final DSLContext dsl;
    private final Clock clock;

    private ProcurementRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static ProcurementRepository using(Configuration configuration, Clock clock) {
        return new ProcurementRepository(configuration, clock);
    }

    /** The province (xx0000) of a GB/T 2260 code. */
    private static Field<String> province(Field<String> code) {
        // Inline constants: the same expression is grouped on, and bind parameters would not match it.
        return DSL.substring(code, DSL.inline(1), DSL.inline(2)).concat(DSL.inline("0000"));
    }

    /** Demand of one SKU in one province. */
    public record Demand(UUID productId, String sku, String name, String unit, String regionCode, String regionName,
                         BigDecimal quantity) {
    }

    /** Stock of one SKU over the warehouses serving one province. */
    public record Supply(BigDecimal available, BigDecimal inbound) {
    }

    /**
     * Σ quantity × probability / 100 of the lines of the open deals the viewer sees that are expected
     * to close in [from, to], per SKU and customer province. A deal's lines are its opportunity lines;
     * a deal without them counts the lines of its newest live quote (not rejected or expired).
     */
    public List<Demand> demand(Actor viewer, LocalDate from, LocalDate to) {
        var lines = DSL.select(OPPORTUNITY_LINE.OPPORTUNITY_ID.as("opp_id"), OPPORTUNITY_LINE.PRODUCT_ID.as("prod_id"),
                        OPPORTUNITY_LINE.QUANTITY.as("qty"))
                .from(OPPORTUNITY_LINE)
                .unionAll(DSL.select(QUOTE.OPPORTUNITY_ID, QUOTE_LINE.PRODUCT_ID, QUOTE_LINE.QUANTITY)
                        .from(QUOTE_LINE).join(QUOTE).on(QUOTE.ID.eq(QUOTE_LINE.QUOTE_ID))
                        .where(QUOTE.OPPORTUNITY_ID.isNotNull(), QUOTE.DELETED_AT.isNull(), QUOTE.STATUS.notIn(DEAD_QUOTES),
                                DSL.notExists(DSL.selectOne().from(OPPORTUNITY_LINE)
                                        .where(OPPORTUNITY_LINE.OPPORTUNITY_ID.eq(QUOTE.OPPORTUNITY_ID))),
                                QUOTE.CREATED_AT.eq(newestQuote())))
                .asTable("deal_line");
        Field<UUID> oppId = lines.field("opp_id", UUID.class);
        Field<UUID> prodId = lines.field("prod_id", UUID.class);
        Field<BigDecimal> qty = lines.field("qty", BigDecimal.class);
        Field<String> province = province(CUSTOMER.REGION_CODE);
        return dsl.select(prodId, DSL.max(PRODUCT.SKU), DSL.max(PRODUCT.NAME), DSL.max(PRODUCT.UNIT), province,
                        DSL.max(REGION.NAME), DSL.sum(qty.times(OPPORTUNITY.PROBABILITY)))
                .from(lines)
                .join(OPPORTUNITY).on(OPPORTUNITY.ID.eq(oppId))
                .join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(PRODUCT).on(PRODUCT.ID.eq(prodId))
                .leftJoin(REGION).on(REGION.CODE.eq(province))
                .where(OPPORTUNITY_STAGE.OUTCOME.eq("OPEN"), OPPORTUNITY.DELETED_AT.isNull(), CUSTOMER.DELETED_AT.isNull(),
                        PRODUCT.DELETED_AT.isNull(), OPPORTUNITY.EXPECTED_CLOSE_ON.between(from, to),
                        Visibility.ownedBy(OPPORTUNITY.OWNER_ID, viewer))
                .groupBy(prodId, province)
                .fetch(r -> new Demand(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7().divide(BigDecimal.valueOf(100), 3, RoundingMode.HALF_UP)));
    }

    private static Field<java.time.OffsetDateTime> newestQuote() {
        var q2 = QUOTE.as("q_newer");
        return DSL.field(DSL.select(DSL.max(q2.CREATED_AT)).from(q2)
                .where(q2.OPPORTUNITY_ID.eq(QUOTE.OPPORTUNITY_ID), q2.DELETED_AT.isNull(), q2.STATUS.notIn(DEAD_QUOTES)));
    }

    /**
     * Available (on hand − reserved) and inbound per SKU and province, over the live active
     * warehouses that serve a place in the province (each warehouse counted once per province).
     */
    public Map<String, Supply> supply() {
        Field<String> province = province(WAREHOUSE_REGION.REGION_CODE).as("province");
        var served = DSL.selectDistinct(WAREHOUSE_REGION.WAREHOUSE_ID.as("wh_id"), province)
                .from(WAREHOUSE_REGION).join(WAREHOUSE).on(WAREHOUSE.ID.eq(WAREHOUSE_REGION.WAREHOUSE_ID))
                .where(WAREHOUSE.ACTIVE.isTrue(), WAREHOUSE.DELETED_AT.isNull())
                .asTable("served");
        Field<UUID> whId = served.field("wh_id", UUID.class);
        Field<String> servedProvince = served.field("province", String.class);
        Map<String, Supply> supply = new HashMap<>();
        dsl.select(STOCK.PRODUCT_ID, servedProvince, DSL.sum(STOCK.ON_HAND.minus(STOCK.RESERVED)), DSL.sum(STOCK.INBOUND))
                .from(STOCK).join(served).on(whId.eq(STOCK.WAREHOUSE_ID))
                .groupBy(STOCK.PRODUCT_ID, servedProvince)
                .forEach(r -> supply.put(key(r.value1(), r.value2()), new Supply(r.value3(), r.value4())));
        return supply;
    }

    static String key(UUID productId, String province) {
        return productId + "/" + province;
    }

    /** The SKUs' own safety stock. */
    public Map<UUID, BigDecimal> safetyStock() {
        Map<UUID, BigDecimal> map = new HashMap<>();
        dsl.select(SAFETY_STOCK.PRODUCT_ID, SAFETY_STOCK.QUANTITY).from(SAFETY_STOCK)
                .forEach(r -> map.put(r.value1(), r.value2()));
        return map;
    }

    /** The SKU's own safety stock; empty when it follows the global one. */
    public Optional<BigDecimal> safetyStock(UUID productId) {
        return dsl.select(SAFETY_STOCK.QUANTITY).from(SAFETY_STOCK).where(SAFETY_STOCK.PRODUCT_ID.eq(productId))
                .fetchOptional(SAFETY_STOCK.QUANTITY);
    }

    /**
     * Sets (or with null removes) a SKU's own safety stock only while it is still {@code asRead}
     * (null: it had none): false when someone changed it meanwhile. Two first settings at once fail
     * on the primary key instead of one overwriting the other.
     */
    public boolean putSafetyStockIfStill(Actor actor, UUID productId, BigDecimal asRead, BigDecimal quantity) {
        if (asRead == null) {
            if (safetyStock(productId).isPresent()) {
                return false;
            }
            if (quantity != null) {
                dsl.insertInto(SAFETY_STOCK).set(SAFETY_STOCK.PRODUCT_ID, productId).set(SAFETY_STOCK.QUANTITY, quantity)
                        .set(SAFETY_STOCK.VERSION, 1L).set(SAFETY_STOCK.UPDATED_AT, Rows.now(clock))
                        .set(SAFETY_STOCK.UPDATED_BY, Rows.userId(actor)).execute();
            }
            return true;
        }
        var still = SAFETY_STOCK.PRODUCT_ID.eq(productId).and(SAFETY_STOCK.QUANTITY.eq(asRead));
        if (quantity == null) {
            return dsl.deleteFrom(SAFETY_STOCK).where(still).execute() == 1;
        }
        return dsl.update(SAFETY_STOCK).set(SAFETY_STOCK.QUANTITY, quantity)
                .set(SAFETY_STOCK.VERSION, SAFETY_STOCK.VERSION.plus(1))
                .set(SAFETY_STOCK.UPDATED_AT, Rows.now(clock)).set(SAFETY_STOCK.UPDATED_BY, Rows.userId(actor))
                .where(still).execute() == 1;
    }

    /** Sets (or with null removes) a SKU's own safety stock whatever it is now (demo, scripts). */
    public void putSafetyStock(Actor actor, UUID productId, BigDecimal quantity) {
        Optional<Long> version = dsl.select(SAFETY_STOCK.VERSION).from(SAFETY_STOCK)
                .where(SAFETY_STOCK.PRODUCT_ID.eq(productId)).fetchOptional(SAFETY_STOCK.VERSION);
        if (quantity == null) {
            dsl.deleteFrom(SAFETY_STOCK).where(SAFETY_STOCK.PRODUCT_ID.eq(productId)).execute();
        } else if (version.isPresent()) {
            dsl.update(SAFETY_STOCK).set(SAFETY_STOCK.QUANTITY, quantity).set(SAFETY_STOCK.VERSION, version.get() + 1)
                    .set(SAFETY_STOCK.UPDATED_AT, Rows.now(clock)).set(SAFETY_STOCK.UPDATED_BY, Rows.userId(actor))
                    .where(SAFETY_STOCK.PRODUCT_ID.eq(productId)).execute();
        } else {
            dsl.insertInto(SAFETY_STOCK).set(SAFETY_STOCK.PRODUCT_ID, productId).set(SAFETY_STOCK.QUANTITY, quantity)
                    .set(SAFETY_STOCK.VERSION, 1L).set(SAFETY_STOCK.UPDATED_AT, Rows.now(clock))
                    .set(SAFETY_STOCK.UPDATED_BY, Rows.userId(actor)).execute();
        }
    }

    /** The lines, merged: demand with its province's supply and the safety stock. */
    static List<ProcurementLine> lines(List<Demand> demand, Map<String, Supply> supply, Map<UUID, BigDecimal> safety,
                                       BigDecimal defaultSafety) {
        List<ProcurementLine> lines = new ArrayList<>();
        List<Demand> sorted = new ArrayList<>(demand);
        sorted.sort(Comparator.comparing(Demand::sku).thenComparing(d -> d.regionCode() == null ? "" : d.regionCode()));
        for (Demand d : sorted) {
            Supply s = supply.getOrDefault(key(d.productId(), d.regionCode()), new Supply(BigDecimal.ZERO, BigDecimal.ZERO));
            BigDecimal keep = safety.getOrDefault(d.productId(), defaultSafety);
            lines.add(new ProcurementLine(d.productId(), d.sku(), d.name(), d.unit(), d.regionCode(), d.regionName(),
                    d.quantity(), s.available(), s.inbound(), keep,
                    ProcurementService.suggestedOrder(d.quantity(), keep, s.available(), s.inbound())));
        }
        return lines;
    }
}
