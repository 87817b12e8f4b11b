package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOM_FIELD;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.PRODUCT_SUBSTITUTE;
import static io.salesdesk.db.jooq.Tables.STOCK;
import static io.salesdesk.db.jooq.Tables.USER_CREDENTIAL;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE_REGION;

import io.salesdesk.db.jooq.tables.records.AppUserRecord;
import io.salesdesk.db.jooq.tables.records.CustomFieldRecord;
import io.salesdesk.db.jooq.tables.records.OrgUnitRecord;
import io.salesdesk.db.jooq.tables.records.ProductRecord;
import io.salesdesk.db.jooq.tables.records.ProductSubstituteRecord;
import io.salesdesk.db.jooq.tables.records.StockRecord;
import io.salesdesk.db.jooq.tables.records.UserCredentialRecord;
import io.salesdesk.db.jooq.tables.records.WarehouseRecord;
import io.salesdesk.db.jooq.tables.records.WarehouseRegionRecord;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org tree, users, custom field definitions, the product catalogue, the warehouses and their
 * stock, read whole on the hub and added or overwritten on a replica, and the passwords of a replica's subtree, which a replica takes
 * as the hub has them.
 */
final class DirectoryRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRepository.class);

    private final DSLContext dsl;

    private DirectoryRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    static DirectoryRepository using(Configuration configuration) {
        return new DirectoryRepository(configuration);
    }

    /** The path of a live org unit. */
    java.util.Optional<String> pathOf(UUID orgUnitId) {
        return dsl.select(ORG_UNIT.PATH).from(ORG_UNIT).where(ORG_UNIT.ID.eq(orgUnitId), ORG_UNIT.DELETED_AT.isNull())
                .fetchOptional(ORG_UNIT.PATH);
    }

    /** The live org units with this id, or else with this exact name. */
    List<UUID> findOrgUnits(String idOrName) {
        UUID id;
        try {
            id = UUID.fromString(idOrName);
        } catch (IllegalArgumentException notAnId) {
            id = null;
        }
        org.jooq.Condition match = id == null ? ORG_UNIT.NAME.eq(idOrName) : ORG_UNIT.ID.eq(id);
        return dsl.select(ORG_UNIT.ID).from(ORG_UNIT).where(match, ORG_UNIT.DELETED_AT.isNull()).fetch(ORG_UNIT.ID);
    }

    /**
     * The directory for the replica of the subtree at {@code scopePath}: every unit, user and field,
     * and the passwords of the users in that subtree only, so a laptop carries no hash of people who
     * do not work from it (an admin at the head office, another region's reps).
     */
    Directory read(String scopePath) {
        List<Map<String, Object>> units = dsl.selectFrom(ORG_UNIT).orderBy(DSL.length(ORG_UNIT.PATH), ORG_UNIT.ID)
                .fetch().map(OrgUnitRecord::intoMap);
        List<Map<String, Object>> users = dsl.selectFrom(APP_USER).orderBy(APP_USER.ID).fetch().map(AppUserRecord::intoMap);
        List<Map<String, Object>> fields = dsl.selectFrom(CUSTOM_FIELD).orderBy(CUSTOM_FIELD.ID).fetch()
                .map(CustomFieldRecord::intoMap);
        List<Directory.Password> passwords = dsl.select(USER_CREDENTIAL.USER_ID, USER_CREDENTIAL.PASSWORD_HASH,
                        USER_CREDENTIAL.MUST_CHANGE, USER_CREDENTIAL.PASSWORD_CHANGED_AT, USER_CREDENTIAL.VERSION)
                .from(USER_CREDENTIAL)
                .join(APP_USER).on(APP_USER.ID.eq(USER_CREDENTIAL.USER_ID))
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(ORG_UNIT.PATH.startsWith(scopePath))
                .orderBy(USER_CREDENTIAL.USER_ID)
                .fetch(r -> new Directory.Password(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        List<Map<String, Object>> products = dsl.selectFrom(PRODUCT).orderBy(PRODUCT.ID).fetch()
                .map(ProductRecord::intoMap);
        List<Map<String, Object>> substitutes = dsl.selectFrom(PRODUCT_SUBSTITUTE)
                .orderBy(PRODUCT_SUBSTITUTE.PRODUCT_ID, PRODUCT_SUBSTITUTE.SORT_RANK).fetch()
                .map(ProductSubstituteRecord::intoMap);
        List<Map<String, Object>> warehouses = dsl.selectFrom(WAREHOUSE).orderBy(WAREHOUSE.ID).fetch()
                .map(WarehouseRecord::intoMap);
        List<Map<String, Object>> warehouseRegions = dsl.selectFrom(WAREHOUSE_REGION)
                .orderBy(WAREHOUSE_REGION.WAREHOUSE_ID, WAREHOUSE_REGION.REGION_CODE).fetch()
                .map(WarehouseRegionRecord::intoMap);
        List<Map<String, Object>> stock = dsl.selectFrom(STOCK).orderBy(STOCK.PRODUCT_ID, STOCK.WAREHOUSE_ID).fetch()
                .map(StockRecord::intoMap);
        return new Directory(units, users, fields, passwords, products, substitutes, warehouses, warehouseRegions,
                stock);
    }

    /**
     * Makes this side's org units and users those of the hub, which alone manages them: adds the
     * ones this side lacks and overwrites the ones whose version differs (a unit renamed or moved, a
     * user given another unit or role). Users go in without their manager first, since a manager may
     * come later in the list. Then the passwords, as the hub has them ({@link #takePasswords}).
     */
    void addMissing(Directory directory) {
        Map<UUID, Long> units = dsl.select(ORG_UNIT.ID, ORG_UNIT.VERSION).from(ORG_UNIT)
                .fetchMap(ORG_UNIT.ID, ORG_UNIT.VERSION);
        for (Map<String, Object> values : directory.orgUnits()) {
            OrgUnitRecord r = dsl.newRecord(ORG_UNIT);
            r.fromMap(values);
            Long local = units.get(r.getId());
            if (local == null) {
                r.insert();
            } else if (!local.equals(r.getVersion())) {
                dsl.executeUpdate(r);
            }
        }
        Map<UUID, Long> users = dsl.select(APP_USER.ID, APP_USER.VERSION).from(APP_USER)
                .fetchMap(APP_USER.ID, APP_USER.VERSION);
        List<AppUserRecord> changed = directory.users().stream().map(values -> {
            AppUserRecord r = dsl.newRecord(APP_USER);
            r.fromMap(values);
            return r;
        }).filter(r -> !r.getVersion().equals(users.get(r.getId()))).toList();
        for (AppUserRecord r : changed) {
            if (!users.containsKey(r.getId())) {
                UUID manager = r.getManagerId();
                r.setManagerId(null);
                r.insert();
                r.setManagerId(manager);
            }
        }
        for (AppUserRecord r : changed) {
            dsl.executeUpdate(r);
        }
        addCustomFields(directory.customFields());
        takePasswords(directory.credentials());
        takeProducts(directory.products());
        takeSubstitutes(directory.substitutes());
        takeWarehouses(directory.warehouses());
        takeWarehouseRegions(directory.warehouseRegions(), directory.warehouses().stream()
                .map(v -> (UUID) v.get(WAREHOUSE.ID.getName())).collect(Collectors.toSet()));
        takeStock(directory.stock());
    }

    /**
     * Makes this side's warehouses the hub's, which alone manages them: adds the missing ones and
     * overwrites those whose version differs. Never deleted (the hub only closes them). A warehouse
     * made here before stock was kept at the head office keeps its row; a hub warehouse with its code
     * is left out (with a warning), as {@link #takeProducts} does for SKUs.
     */
    private void takeWarehouses(List<Map<String, Object>> hubWarehouses) {
        takeCoded(WAREHOUSE, WAREHOUSE.ID, WAREHOUSE.CODE, WAREHOUSE.VERSION, hubWarehouses, "Warehouse");
    }

    /** The regions each hub warehouse serves, replaced where this side's set differs. */
    private void takeWarehouseRegions(List<Map<String, Object>> hubRegions, Set<UUID> hubWarehouses) {
        Map<UUID, Set<String>> hub = regionsOf(hubRegions.stream().map(values -> {
            WarehouseRegionRecord r = dsl.newRecord(WAREHOUSE_REGION);
            r.fromMap(values);
            return r;
        }).toList());
        Map<UUID, Set<String>> mine = regionsOf(dsl.selectFrom(WAREHOUSE_REGION).fetch());
        Set<UUID> here = new HashSet<>(dsl.select(WAREHOUSE.ID).from(WAREHOUSE).fetch(WAREHOUSE.ID));
        // Only the hub's warehouses present here; one that serves no region any more has an empty set.
        for (UUID warehouseId : hubWarehouses) {
            Set<String> wanted = hub.getOrDefault(warehouseId, Set.of());
            if (!here.contains(warehouseId) || wanted.equals(mine.getOrDefault(warehouseId, Set.of()))) {
                continue;
            }
            dsl.deleteFrom(WAREHOUSE_REGION).where(WAREHOUSE_REGION.WAREHOUSE_ID.eq(warehouseId)).execute();
            for (String code : wanted) {
                dsl.insertInto(WAREHOUSE_REGION, WAREHOUSE_REGION.WAREHOUSE_ID, WAREHOUSE_REGION.REGION_CODE)
                        .values(warehouseId, code).execute();
            }
        }
    }

    private static Map<UUID, Set<String>> regionsOf(List<WarehouseRegionRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(WarehouseRegionRecord::getWarehouseId,
                Collectors.mapping(WarehouseRegionRecord::getRegionCode, Collectors.toSet())));
    }

    /**
     * Makes this side's stock the hub's, where stock is kept (docs/decisions.md, decision 6): rows
     * whose figures or version differ are overwritten, missing ones added, and a row the hub lacks
     * (a reservation a deal made here for stock the hub never had a row of) removed. A reservation
     * made here is thus replaced by the hub's figure at the next sync. Rows of a product or
     * warehouse left out here are skipped.
     */
    private void takeStock(List<Map<String, Object>> hubStock) {
        Map<List<UUID>, StockRecord> local = dsl.selectFrom(STOCK).fetch().stream()
                .collect(Collectors.toMap(r -> List.of(r.getProductId(), r.getWarehouseId()), Function.identity()));
        Set<UUID> products = new HashSet<>(dsl.select(PRODUCT.ID).from(PRODUCT).fetch(PRODUCT.ID));
        Set<UUID> warehouses = new HashSet<>(dsl.select(WAREHOUSE.ID).from(WAREHOUSE).fetch(WAREHOUSE.ID));
        Set<List<UUID>> atHub = new HashSet<>();
        for (Map<String, Object> values : hubStock) {
            StockRecord r = dsl.newRecord(STOCK);
            r.fromMap(values);
            List<UUID> key = List.of(r.getProductId(), r.getWarehouseId());
            atHub.add(key);
            if (!products.contains(r.getProductId()) || !warehouses.contains(r.getWarehouseId())) {
                continue;
            }
            StockRecord mine = local.get(key);
            if (mine == null) {
                r.insert();
            } else if (!sameStock(mine, r)) {
                dsl.executeUpdate(r);
            }
        }
        for (List<UUID> key : local.keySet()) {
            if (!atHub.contains(key)) {
                dsl.deleteFrom(STOCK).where(STOCK.PRODUCT_ID.eq(key.get(0)), STOCK.WAREHOUSE_ID.eq(key.get(1)))
                        .execute();
            }
        }
    }

    // Scales may differ between databases: compare the figures as numbers.
    private static boolean sameStock(StockRecord a, StockRecord b) {
        return a.getVersion().equals(b.getVersion()) && a.getOnHand().compareTo(b.getOnHand()) == 0
                && a.getReserved().compareTo(b.getReserved()) == 0 && a.getInbound().compareTo(b.getInbound()) == 0
                && Objects.equals(a.getInboundEta(), b.getInboundEta());
    }

    /**
     * Makes this side's catalogue the hub's, which alone edits it: adds the products this side lacks
     * and overwrites those whose version differs (a new price, a retirement). Nothing is deleted:
     * the hub only soft-deletes, and a quote here may name any product. A product made here before
     * products were edited at the head office only keeps its row; a hub product with its SKU is
     * left out (with a warning) rather than failing the sync.
     */
    private void takeProducts(List<Map<String, Object>> hubProducts) {
        takeCoded(PRODUCT, PRODUCT.ID, PRODUCT.SKU, PRODUCT.VERSION, hubProducts, "Product");
    }

    /**
     * Adds the hub's rows of a table keyed by id with a unique code (a product's SKU, a warehouse's
     * code) that this side lacks, and overwrites those whose version differs. A row made here whose
     * code the hub also uses keeps it: the hub's row is left out with a warning.
     */
    private <R extends UpdatableRecord<R>> void takeCoded(Table<R> table, TableField<R, UUID> idField,
                                                          TableField<R, String> codeField,
                                                          TableField<R, Long> versionField,
                                                          List<Map<String, Object>> hubRows, String what) {
        Map<UUID, R> local = dsl.selectFrom(table).fetch().stream()
                .collect(Collectors.toMap(r -> r.get(idField), Function.identity()));
        List<R> changed = hubRows.stream().map(values -> {
            R r = dsl.newRecord(table);
            r.fromMap(values);
            return r;
        }).filter(r -> !local.containsKey(r.get(idField))
                || !local.get(r.get(idField)).get(versionField).equals(r.get(versionField))).toList();
        if (changed.isEmpty()) {
            return;
        }
        Set<UUID> hubIds = hubRows.stream().map(v -> (UUID) v.get(idField.getName())).collect(Collectors.toSet());
        Map<String, UUID> ownCodes = new HashMap<>();
        local.values().stream().filter(r -> !hubIds.contains(r.get(idField)))
                .forEach(r -> ownCodes.put(r.get(codeField), r.get(idField)));
        // Codes swapped at the hub between two syncs would collide half-way: park the moving ones
        // first, under the random tail of their id (it fits a warehouse code's 20 characters).
        for (R r : changed) {
            R mine = local.get(r.get(idField));
            if (mine != null && !mine.get(codeField).equals(r.get(codeField))) {
                dsl.update(table).set(codeField, "~" + r.get(idField).toString().substring(19))
                        .where(idField.eq(r.get(idField))).execute();
            }
        }
        for (R r : changed) {
            if (ownCodes.containsKey(r.get(codeField))) {
                LOG.warn("{} {} of the hub not taken: its code {} belongs to a row made on this replica ({})",
                        what, r.get(idField), r.get(codeField), ownCodes.get(r.get(codeField)));
            } else if (local.containsKey(r.get(idField))) {
                dsl.executeUpdate(r);
            } else {
                r.insert();
            }
        }
    }

    /**
     * The hub's ranked substitutes: a product whose list differs here gets the hub's, leaving out a
     * substitute this side lacks (see {@link #takeProducts}).
     */
    private void takeSubstitutes(List<Map<String, Object>> hubSubstitutes) {
        Map<UUID, List<List<Object>>> hub = ranked(hubSubstitutes.stream().map(values -> {
            ProductSubstituteRecord r = dsl.newRecord(PRODUCT_SUBSTITUTE);
            r.fromMap(values);
            return r;
        }).toList());
        Map<UUID, List<List<Object>>> mine = ranked(dsl.selectFrom(PRODUCT_SUBSTITUTE).fetch());
        Set<UUID> products = new HashSet<>(dsl.select(PRODUCT.ID).from(PRODUCT).fetch(PRODUCT.ID));
        Set<UUID> differing = new HashSet<>(hub.keySet());
        differing.addAll(mine.keySet());
        differing.removeIf(id -> Objects.equals(hub.get(id), mine.get(id)) || !products.contains(id));
        for (UUID productId : differing) {
            dsl.deleteFrom(PRODUCT_SUBSTITUTE).where(PRODUCT_SUBSTITUTE.PRODUCT_ID.eq(productId)).execute();
            for (List<Object> s : hub.getOrDefault(productId, List.of())) {
                if (products.contains((UUID) s.get(0))) {
                    dsl.insertInto(PRODUCT_SUBSTITUTE, PRODUCT_SUBSTITUTE.PRODUCT_ID, PRODUCT_SUBSTITUTE.SUBSTITUTE_ID,
                            PRODUCT_SUBSTITUTE.SORT_RANK).values(productId, (UUID) s.get(0), (Integer) s.get(1)).execute();
                }
            }
        }
    }

    // Product → its substitutes as [substitute id, rank], best first, comparable between sides.
    private static Map<UUID, List<List<Object>>> ranked(List<ProductSubstituteRecord> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(ProductSubstituteRecord::getSortRank))
                .collect(Collectors.groupingBy(ProductSubstituteRecord::getProductId,
                        Collectors.mapping(r -> List.<Object>of(r.getSubstituteId(), r.getSortRank()),
                                Collectors.toList())));
    }

    /**
     * Makes this side's passwords the hub's: a user's hash, must-change flag and time of setting are
     * copied where they differ, and a password this side has that the hub did not send (removed at
     * the hub, or its user moved out of the subtree) is removed. The failure count, lockout and last
     * sign-in stay this computer's own, except that a new hash clears a lockout, as setting a
     * password does at the hub.
     */
    private void takePasswords(List<Directory.Password> hub) {
        Map<UUID, UserCredentialRecord> local = dsl.selectFrom(USER_CREDENTIAL).fetch().stream()
                .collect(Collectors.toMap(UserCredentialRecord::getUserId, Function.identity()));
        for (Directory.Password p : hub) {
            UserCredentialRecord mine = local.remove(p.userId());
            if (mine == null) {
                UserCredentialRecord r = dsl.newRecord(USER_CREDENTIAL);
                r.setUserId(p.userId());
                r.setPasswordHash(p.passwordHash());
                r.setMustChange(p.mustChange());
                r.setPasswordChangedAt(p.passwordChangedAt());
                r.setFailedAttempts(0);
                r.setVersion(p.version());
                r.setUpdatedAt(p.passwordChangedAt());
                r.insert();
            } else if (!same(mine, p)) {
                boolean newHash = !mine.getPasswordHash().equals(p.passwordHash());
                dsl.update(USER_CREDENTIAL)
                        .set(USER_CREDENTIAL.PASSWORD_HASH, p.passwordHash())
                        .set(USER_CREDENTIAL.MUST_CHANGE, p.mustChange())
                        .set(USER_CREDENTIAL.PASSWORD_CHANGED_AT, p.passwordChangedAt())
                        .set(USER_CREDENTIAL.FAILED_ATTEMPTS, newHash ? 0 : mine.getFailedAttempts())
                        .set(USER_CREDENTIAL.LOCKED_UNTIL, newHash ? null : mine.getLockedUntil())
                        .set(USER_CREDENTIAL.VERSION, p.version())
                        .set(USER_CREDENTIAL.UPDATED_AT, p.passwordChangedAt())
                        .where(USER_CREDENTIAL.USER_ID.eq(p.userId()))
                        .execute();
            }
        }
        if (!local.isEmpty()) {
            dsl.deleteFrom(USER_CREDENTIAL).where(USER_CREDENTIAL.USER_ID.in(local.keySet())).execute();
        }
    }

    // Compared by content, not version: a lockout here moves this side's version too.
    private static boolean same(UserCredentialRecord mine, Directory.Password hub) {
        return mine.getPasswordHash().equals(hub.passwordHash()) && mine.getMustChange() == hub.mustChange()
                && instantOf(mine.getPasswordChangedAt()).equals(instantOf(hub.passwordChangedAt()));
    }

    private static java.time.Instant instantOf(OffsetDateTime time) {
        return Objects.requireNonNull(time).toInstant();
    }

    /**
     * The hub's custom field definitions, added or overwritten where the version differs (a label,
     * choices or retirement changed at the hub). A replica defines none (docs/decisions.md, decision
     * 6); one defined on a replica before that rule whose entity and key the hub now uses is left
     * alone, and the hub's field with it, so sync never fails on it.
     */
    private void addCustomFields(List<Map<String, Object>> hubFields) {
        Map<UUID, Long> local = dsl.select(CUSTOM_FIELD.ID, CUSTOM_FIELD.VERSION).from(CUSTOM_FIELD)
                .fetchMap(CUSTOM_FIELD.ID, CUSTOM_FIELD.VERSION);
        for (Map<String, Object> values : hubFields) {
            CustomFieldRecord r = dsl.newRecord(CUSTOM_FIELD);
            r.fromMap(values);
            Long version = local.get(r.getId());
            if (version == null) {
                if (!dsl.fetchExists(CUSTOM_FIELD, CUSTOM_FIELD.ENTITY.eq(r.getEntity()),
                        CUSTOM_FIELD.FIELD_KEY.eq(r.getFieldKey()))) {
                    r.insert();
                }
            } else if (!version.equals(r.getVersion())) {
                dsl.executeUpdate(r);
            }
        }
    }
}
