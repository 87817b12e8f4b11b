package io.salesdesk.commerce.product;

import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.PRODUCT_SUBSTITUTE;
import static io.salesdesk.db.jooq.Tables.SYNC_NODE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.ProductRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Products and their ranked substitutes. Every change bumps the version and writes one audit entry;
 * a deleted product keeps its SKU (the unique constraint spans deleted rows), so creating that SKU
 * again brings the deleted row back instead.
 */
public final class ProductRepository {

    public static final String ENTITY = "product";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private ProductRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static ProductRepository using(Configuration configuration, Clock clock) {
        return new ProductRepository(configuration, clock);
    }

    /**
     * Whether this database is a branch replica, whose catalogue is the head office's, copied by
     * sync (docs/decisions.md, decision 6).
     */
    public boolean onReplica() {
        return dsl.fetchExists(SYNC_NODE, SYNC_NODE.ROLE.eq("REPLICA"));
    }

    /**
     * Inserts a validated product, or revives the deleted product of that SKU with these values;
     * returns the id written (the new one, or the revived product's).
     */
    public UUID insert(Actor actor, ChangeReason reason, UUID id, ProductDraft draft) {
        OffsetDateTime now = Rows.now(clock);
        ProductRecord deleted = dsl.selectFrom(PRODUCT)
                .where(PRODUCT.SKU.eq(draft.sku()), PRODUCT.DELETED_AT.isNotNull()).fetchOne();
        if (deleted != null) {
            ProductRecord before = deleted.copy();
            write(deleted, draft);
            deleted.setActive(true);
            deleted.setDeletedAt(null);
            deleted.setVersion(deleted.getVersion() + 1);
            deleted.setUpdatedAt(now);
            deleted.setUpdatedBy(Rows.userId(actor));
            dsl.update(PRODUCT).set(deleted).where(PRODUCT.ID.eq(deleted.getId())).execute();
            changeLog.record(actor, reason, ENTITY, deleted.getId(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(snapshot(before), snapshot(deleted)));
            return deleted.getId();
        }
        ProductRecord r = dsl.newRecord(PRODUCT);
        r.setId(id);
        write(r, draft);
        r.setActive(true);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), snapshot(r)));
        return id;
    }

    /**
     * Writes the draft and the active flag over the product as it is at {@code expectedVersion}.
     *
     * @throws StaleRecordException if it changed or went away meanwhile
     */
    public Product update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, ProductDraft draft,
                          boolean active) {
        ProductRecord current = dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id), PRODUCT.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        ProductRecord changed = current.copy();
        changed.setId(id);
        write(changed, draft);
        changed.setActive(active);
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(current), snapshot(changed));
        if (changes.isEmpty()) {
            return toProduct(current);
        }
        changed.setVersion(expectedVersion + 1);
        changed.setUpdatedAt(Rows.now(clock));
        changed.setUpdatedBy(Rows.userId(actor));
        changed.setCreatedAt(current.getCreatedAt());
        changed.setCreatedBy(current.getCreatedBy());
        int updated = dsl.update(PRODUCT).set(changed)
                .where(PRODUCT.ID.eq(id), PRODUCT.VERSION.eq(expectedVersion), PRODUCT.DELETED_AT.isNull()).execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /** Soft-deletes a product (an import undone) last changed at {@code expectedVersion}. */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int deleted = dsl.update(PRODUCT).set(PRODUCT.DELETED_AT, now).set(PRODUCT.VERSION, expectedVersion + 1)
                .set(PRODUCT.UPDATED_AT, now).set(PRODUCT.UPDATED_BY, Rows.userId(actor))
                .where(PRODUCT.ID.eq(id), PRODUCT.VERSION.eq(expectedVersion), PRODUCT.DELETED_AT.isNull()).execute();
        if (deleted == 0) {
            throw stale(id, expectedVersion);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, Map.of());
    }

    /** The live product. */
    public Optional<Product> findAny(UUID id) {
        return dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id), PRODUCT.DELETED_AT.isNull())
                .fetchOptional(ProductRepository::toProduct);
    }

    /** The live product with this SKU. */
    public Optional<Product> bySku(String sku) {
        return dsl.selectFrom(PRODUCT).where(PRODUCT.SKU.eq(sku), PRODUCT.DELETED_AT.isNull())
                .fetchOptional(ProductRepository::toProduct);
    }

    /** Whether a live product other than {@code exceptId} has this SKU. */
    public boolean skuTaken(String sku, UUID exceptId) {
        Condition other = exceptId == null ? DSL.trueCondition() : PRODUCT.ID.ne(exceptId);
        return dsl.fetchExists(PRODUCT, PRODUCT.SKU.eq(sku), PRODUCT.DELETED_AT.isNull(), other);
    }

    /** The live products with these ids, by id. */
    public Map<UUID, Product> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(PRODUCT).where(PRODUCT.ID.in(ids), PRODUCT.DELETED_AT.isNull())
                .fetch(ProductRepository::toProduct).stream()
                .collect(Collectors.toMap(Product::id, p -> p, (a, b) -> a, LinkedHashMap::new));
    }

    /** The live products with these SKUs, by SKU. */
    public Map<String, Product> bySkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(PRODUCT).where(PRODUCT.SKU.in(skus), PRODUCT.DELETED_AT.isNull())
                .fetch(ProductRepository::toProduct).stream()
                .collect(Collectors.toMap(Product::sku, p -> p, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Live products by category and SKU, filtered by text in SKU or name and by category (either
     * null for all).
     */
    public List<Product> list(String text, String category, boolean activeOnly, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(PRODUCT.DELETED_AT.isNull());
        if (activeOnly) {
            where.add(PRODUCT.ACTIVE.isTrue());
        }
        if (category != null) {
            where.add(PRODUCT.CATEGORY.eq(category));
        }
        if (text != null) {
            where.add(PRODUCT.SKU.containsIgnoreCase(text).or(PRODUCT.NAME.containsIgnoreCase(text)));
        }
        return dsl.selectFrom(PRODUCT).where(where).orderBy(PRODUCT.CATEGORY, PRODUCT.SKU).limit(limit)
                .fetch(ProductRepository::toProduct);
    }

    /** The categories of live products, sorted. */
    public List<String> categories() {
        return dsl.selectDistinct(PRODUCT.CATEGORY).from(PRODUCT).where(PRODUCT.DELETED_AT.isNull())
                .orderBy(PRODUCT.CATEGORY).fetch(PRODUCT.CATEGORY);
    }

    /** The substitutes of a product, best first. */
    public List<UUID> substituteIds(UUID productId) {
        return dsl.select(PRODUCT_SUBSTITUTE.SUBSTITUTE_ID).from(PRODUCT_SUBSTITUTE)
                .where(PRODUCT_SUBSTITUTE.PRODUCT_ID.eq(productId))
                .orderBy(PRODUCT_SUBSTITUTE.SORT_RANK).fetch(PRODUCT_SUBSTITUTE.SUBSTITUTE_ID);
    }

    /** The substitutes of each product, best first; products without any are absent. */
    public Map<UUID, List<UUID>> substituteIds(Collection<UUID> productIds) {
        Map<UUID, List<UUID>> found = new HashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        dsl.select(PRODUCT_SUBSTITUTE.PRODUCT_ID, PRODUCT_SUBSTITUTE.SUBSTITUTE_ID).from(PRODUCT_SUBSTITUTE)
                .where(PRODUCT_SUBSTITUTE.PRODUCT_ID.in(productIds))
                .orderBy(PRODUCT_SUBSTITUTE.PRODUCT_ID, PRODUCT_SUBSTITUTE.SORT_RANK)
                .forEach(r -> found.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return found;
    }

    /** Replaces the ranked substitutes (rank 1 first) and bumps the product's version. */
    public void replaceSubstitutes(Actor actor, ChangeReason reason, UUID productId, long expectedVersion,
                                   List<UUID> ranked, String oldText, String newText) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(PRODUCT).set(PRODUCT.VERSION, expectedVersion + 1).set(PRODUCT.UPDATED_AT, now)
                .set(PRODUCT.UPDATED_BY, Rows.userId(actor))
                .where(PRODUCT.ID.eq(productId), PRODUCT.VERSION.eq(expectedVersion), PRODUCT.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(productId, expectedVersion);
        }
        dsl.deleteFrom(PRODUCT_SUBSTITUTE).where(PRODUCT_SUBSTITUTE.PRODUCT_ID.eq(productId)).execute();
        for (int i = 0; i < ranked.size(); i++) {
            dsl.insertInto(PRODUCT_SUBSTITUTE).set(PRODUCT_SUBSTITUTE.PRODUCT_ID, productId)
                    .set(PRODUCT_SUBSTITUTE.SUBSTITUTE_ID, ranked.get(i)).set(PRODUCT_SUBSTITUTE.SORT_RANK, i + 1)
                    .execute();
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes.put("substitutes", new FieldChange(oldText, newText));
        changeLog.record(actor, reason, ENTITY, productId, ChangeEntry.Operation.UPDATE, changes);
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }

    private static void write(ProductRecord r, ProductDraft d) {
        r.setSku(d.sku());
        r.setName(d.name());
        r.setCategory(d.category());
        r.setUnit(d.unit());
        r.setListPrice(d.listPrice());
        r.setCostPrice(d.costPrice());
    }

    static Product toProduct(ProductRecord r) {
        return new Product(r.getId(), r.getSku(), r.getName(), r.getCategory(), r.getUnit(), r.getListPrice(),
                r.getCostPrice(), r.getActive(), r.getVersion());
    }

    private static Map<String, Object> snapshot(ProductRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", r.getSku());
        m.put("name", r.getName());
        m.put("category", r.getCategory());
        m.put("unit", r.getUnit());
        m.put("listPrice", r.getListPrice());
        m.put("costPrice", r.getCostPrice());
        m.put("active", r.getActive());
        m.put("deletedAt", r.getDeletedAt());
        return m;
    }
}
