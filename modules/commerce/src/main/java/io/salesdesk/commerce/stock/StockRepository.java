package io.salesdesk.commerce.stock;

import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.STOCK;
import static io.salesdesk.db.jooq.Tables.SYNC_NODE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE_REGION;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Stock rows: one per product and warehouse. A row has no id of its own, so the audit trail names
 * it by {@link #rowId}, a UUID derived from the product and the warehouse, and each entry carries
 * both ids. The database refuses negative stock even if a caller forgets to.
 */
public final class StockRepository {

    public static final String ENTITY = "stock";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private StockRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static StockRepository using(Configuration configuration, Clock clock) {
        return new StockRepository(configuration, clock);
    }

    /**
     * Whether this database is a branch replica, whose warehouses and stock are the head office's,
     * copied by sync (docs/decisions.md, decision 6).
     */
    public boolean onReplica() {
        return dsl.fetchExists(SYNC_NODE, SYNC_NODE.ROLE.eq("REPLICA"));
    }

    /** The stable id of the stock row of a product in a warehouse, for the audit trail and import undo. */
    public static UUID rowId(UUID productId, UUID warehouseId) {
        return UUID.nameUUIDFromBytes(("stock:" + productId + ":" + warehouseId).getBytes(StandardCharsets.UTF_8));
    }

    /** The row, locked for update when {@code lock} so concurrent writers of it go one after the other. */
    public Optional<StockLevel> level(UUID productId, UUID warehouseId, boolean lock) {
        Condition row = STOCK.PRODUCT_ID.eq(productId).and(STOCK.WAREHOUSE_ID.eq(warehouseId));
        if (lock) {
            dsl.select(STOCK.VERSION).from(STOCK).where(row).forUpdate().fetch();
        }
        return select().where(row).fetchOptional(StockRepository::toLevel);
    }

    /** The rows of the products in the warehouses, locked for update when {@code lock}. */
    public List<StockLevel> levels(Collection<UUID> productIds, Collection<UUID> warehouseIds, boolean lock) {
        if (productIds.isEmpty() || warehouseIds.isEmpty()) {
            return List.of();
        }
        Condition rows = STOCK.PRODUCT_ID.in(productIds).and(STOCK.WAREHOUSE_ID.in(warehouseIds));
        if (lock) {
            // Locked on the stock table alone: FOR UPDATE over a join is not portable.
            dsl.select(STOCK.VERSION).from(STOCK).where(rows).forUpdate().fetch();
        }
        return select().where(rows).orderBy(STOCK.PRODUCT_ID, WAREHOUSE.CODE).fetch(StockRepository::toLevel);
    }

    /** The product's stock in every warehouse, by warehouse code. */
    public List<StockLevel> forProduct(UUID productId) {
        return select().where(STOCK.PRODUCT_ID.eq(productId)).orderBy(WAREHOUSE.CODE).fetch(StockRepository::toLevel);
    }

    /** The warehouse's stock, by SKU. */
    public List<StockLevel> forWarehouse(UUID warehouseId) {
        return select().where(STOCK.WAREHOUSE_ID.eq(warehouseId)).orderBy(PRODUCT.SKU).fetch(StockRepository::toLevel);
    }

    /**
     * Stock of each product summed over the active warehouses covering any of {@code regionCodes}:
     * the serving warehouses first (a warehouse covering two of the codes counts once), then one
     * grouped query over the stock primary key. Products without stock there are absent.
     */
    public Map<UUID, Availability> availability(Collection<UUID> productIds, Collection<String> regionCodes) {
        if (productIds.isEmpty()) {
            return new HashMap<>();
        }
        return availabilityIn(productIds, servingWarehouseIds(regionCodes));
    }

    /** The active warehouses covering any of {@code regionCodes}, each once. */
    public List<UUID> servingWarehouseIds(Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        // Resolved first rather than as a sub-select: HSQLDB then reads the stock rows through the
        // primary key by product and warehouse instead of testing the sub-select on every row.
        return dsl.selectDistinct(WAREHOUSE_REGION.WAREHOUSE_ID).from(WAREHOUSE_REGION)
                .join(WAREHOUSE).on(WAREHOUSE.ID.eq(WAREHOUSE_REGION.WAREHOUSE_ID))
                .where(WAREHOUSE_REGION.REGION_CODE.in(regionCodes), WAREHOUSE.ACTIVE.isTrue(),
                        WAREHOUSE.DELETED_AT.isNull())
                .fetch(WAREHOUSE_REGION.WAREHOUSE_ID);
    }

    /** Stock of each product summed over {@code warehouseIds}; products without stock there are absent. */
    public Map<UUID, Availability> availabilityIn(Collection<UUID> productIds, Collection<UUID> warehouseIds) {
        Map<UUID, Availability> found = new HashMap<>();
        if (productIds.isEmpty() || warehouseIds.isEmpty()) {
            return found;
        }
        Field<BigDecimal> available = DSL.sum(STOCK.ON_HAND.minus(STOCK.RESERVED));
        Field<BigDecimal> inbound = DSL.sum(STOCK.INBOUND);
        Field<LocalDate> eta = DSL.min(DSL.when(STOCK.INBOUND.gt(BigDecimal.ZERO), STOCK.INBOUND_ETA));
        dsl.select(STOCK.PRODUCT_ID, available, inbound, eta).from(STOCK)
                .where(STOCK.PRODUCT_ID.in(productIds), STOCK.WAREHOUSE_ID.in(warehouseIds))
                .groupBy(STOCK.PRODUCT_ID)
                .forEach(r -> found.put(r.value1(), new Availability(zero(r.value2()), zero(r.value3()), r.value4())));
        return found;
    }

    /**
     * Writes the row's new quantities over {@code before} (null: the row is new), with one audit entry.
     *
     * @throws StaleRecordException if the row changed since {@code before} was read
     */
    public StockLevel write(Actor actor, ChangeReason reason, StockLevel before, UUID productId, UUID warehouseId,
                            BigDecimal onHand, BigDecimal reserved, BigDecimal inbound, LocalDate eta) {
        OffsetDateTime now = Rows.now(clock);
        if (before == null) {
            dsl.insertInto(STOCK).set(STOCK.PRODUCT_ID, productId).set(STOCK.WAREHOUSE_ID, warehouseId)
                    .set(STOCK.ON_HAND, onHand).set(STOCK.RESERVED, reserved).set(STOCK.INBOUND, inbound)
                    .set(STOCK.INBOUND_ETA, eta).set(STOCK.VERSION, 1L).set(STOCK.UPDATED_AT, now)
                    .set(STOCK.UPDATED_BY, Rows.userId(actor)).execute();
        } else {
            int updated = dsl.update(STOCK).set(STOCK.ON_HAND, onHand).set(STOCK.RESERVED, reserved)
                    .set(STOCK.INBOUND, inbound).set(STOCK.INBOUND_ETA, eta).set(STOCK.VERSION, before.version() + 1)
                    .set(STOCK.UPDATED_AT, now).set(STOCK.UPDATED_BY, Rows.userId(actor))
                    .where(STOCK.PRODUCT_ID.eq(productId), STOCK.WAREHOUSE_ID.eq(warehouseId),
                            STOCK.VERSION.eq(before.version())).execute();
            if (updated == 0) {
                throw new StaleRecordException(ENTITY, rowId(productId, warehouseId), before.version(),
                        level(productId, warehouseId, false).orElse(null));
            }
        }
        Map<String, Object> old = before == null ? Map.of() : snapshot(before.onHand(), before.reserved(),
                before.inbound(), before.inboundEta());
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        // Both ids in every entry: undo and the sync feed find the row from the entry alone.
        changes.put("productId", new FieldChange(before == null ? null : productId.toString(), productId.toString()));
        changes.put("warehouseId", new FieldChange(before == null ? null : warehouseId.toString(),
                warehouseId.toString()));
        changes.putAll(FieldChange.diff(old, snapshot(onHand, reserved, inbound, eta)));
        changeLog.record(actor, reason, ENTITY, rowId(productId, warehouseId),
                before == null ? ChangeEntry.Operation.INSERT : ChangeEntry.Operation.UPDATE, changes);
        return level(productId, warehouseId, false).orElseThrow();
    }

    /** Removes a row an import created (stock rows are quantities, not business records with a history of their own). */
    public void delete(Actor actor, ChangeReason reason, StockLevel level) {
        int deleted = dsl.deleteFrom(STOCK).where(STOCK.PRODUCT_ID.eq(level.productId()),
                STOCK.WAREHOUSE_ID.eq(level.warehouseId()), STOCK.VERSION.eq(level.version())).execute();
        if (deleted == 0) {
            throw new StaleRecordException(ENTITY, rowId(level.productId(), level.warehouseId()), level.version(),
                    null);
        }
        changeLog.record(actor, reason, ENTITY, rowId(level.productId(), level.warehouseId()),
                ChangeEntry.Operation.DELETE, Map.of());
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(STOCK.fields()).select(PRODUCT.SKU, WAREHOUSE.CODE).from(STOCK)
                .join(PRODUCT).on(PRODUCT.ID.eq(STOCK.PRODUCT_ID))
                .join(WAREHOUSE).on(WAREHOUSE.ID.eq(STOCK.WAREHOUSE_ID));
    }

    private static StockLevel toLevel(Record r) {
        return new StockLevel(r.get(STOCK.PRODUCT_ID), r.get(PRODUCT.SKU), r.get(STOCK.WAREHOUSE_ID),
                r.get(WAREHOUSE.CODE), r.get(STOCK.ON_HAND), r.get(STOCK.RESERVED), r.get(STOCK.INBOUND),
                r.get(STOCK.INBOUND_ETA), r.get(STOCK.VERSION));
    }

    private static Map<String, Object> snapshot(BigDecimal onHand, BigDecimal reserved, BigDecimal inbound,
                                                LocalDate eta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("onHand", onHand);
        m.put("reserved", reserved);
        m.put("inbound", inbound);
        m.put("inboundEta", eta);
        return m;
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
