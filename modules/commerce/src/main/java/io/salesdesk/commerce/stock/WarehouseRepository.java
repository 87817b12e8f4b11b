package io.salesdesk.commerce.stock;

import static io.salesdesk.db.jooq.Tables.WAREHOUSE;
import static io.salesdesk.db.jooq.Tables.WAREHOUSE_REGION;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.WarehouseRecord;
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
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Warehouses and the regions they serve. Every change bumps the version and is audited. */
public final class WarehouseRepository {

    public static final String ENTITY = "warehouse";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private WarehouseRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static WarehouseRepository using(Configuration configuration, Clock clock) {
        return new WarehouseRepository(configuration, clock);
    }

    /** Inserts a validated warehouse with its regions. */
    public void insert(Actor actor, ChangeReason reason, UUID id, WarehouseDraft draft) {
        OffsetDateTime now = Rows.now(clock);
        WarehouseRecord r = dsl.newRecord(WAREHOUSE);
        r.setId(id);
        r.setCode(draft.code());
        r.setName(draft.name());
        r.setAddress(draft.address());
        r.setActive(true);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        writeRegions(id, draft.regionCodes());
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), snapshot(r, draft.regionCodes())));
    }

    /**
     * Writes the draft and active flag over the warehouse as it is at {@code expectedVersion}.
     *
     * @throws StaleRecordException if it changed meanwhile
     */
    public Warehouse update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, WarehouseDraft draft,
                            boolean active) {
        Warehouse current = findAny(id).orElse(null);
        if (current == null || current.version() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, current);
        }
        WarehouseRecord before = dsl.selectFrom(WAREHOUSE).where(WAREHOUSE.ID.eq(id)).fetchSingle();
        WarehouseRecord after = before.copy();
        after.setCode(draft.code());
        after.setName(draft.name());
        after.setAddress(draft.address());
        after.setActive(active);
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(before, current.regionCodes()),
                snapshot(after, draft.regionCodes()));
        if (changes.isEmpty()) {
            return current;
        }
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(WAREHOUSE).set(WAREHOUSE.CODE, draft.code()).set(WAREHOUSE.NAME, draft.name())
                .set(WAREHOUSE.ADDRESS, draft.address()).set(WAREHOUSE.ACTIVE, active)
                .set(WAREHOUSE.VERSION, expectedVersion + 1).set(WAREHOUSE.UPDATED_AT, now)
                .set(WAREHOUSE.UPDATED_BY, Rows.userId(actor))
                .where(WAREHOUSE.ID.eq(id), WAREHOUSE.VERSION.eq(expectedVersion), WAREHOUSE.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
        }
        dsl.deleteFrom(WAREHOUSE_REGION).where(WAREHOUSE_REGION.WAREHOUSE_ID.eq(id)).execute();
        writeRegions(id, draft.regionCodes());
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    private void writeRegions(UUID id, List<String> codes) {
        for (String code : codes) {
            dsl.insertInto(WAREHOUSE_REGION).set(WAREHOUSE_REGION.WAREHOUSE_ID, id)
                    .set(WAREHOUSE_REGION.REGION_CODE, code).execute();
        }
    }

    public Optional<Warehouse> findAny(UUID id) {
        return all(WAREHOUSE.ID.eq(id)).stream().findFirst();
    }

    public Optional<Warehouse> byCode(String code) {
        return all(WAREHOUSE.CODE.eq(code)).stream().findFirst();
    }

    /** Whether a live warehouse other than {@code exceptId} has the code. */
    public boolean codeTaken(String code, UUID exceptId) {
        return dsl.fetchExists(WAREHOUSE, WAREHOUSE.CODE.eq(code),
                exceptId == null ? DSL.trueCondition() : WAREHOUSE.ID.ne(exceptId));
    }

    /** Every live warehouse by code. */
    public List<Warehouse> all() {
        return all(DSL.trueCondition());
    }

    /** The live, active warehouses that cover any of the codes, by code. */
    public List<Warehouse> covering(Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return all(WAREHOUSE.ACTIVE.isTrue().and(WAREHOUSE.ID.in(DSL.select(WAREHOUSE_REGION.WAREHOUSE_ID)
                .from(WAREHOUSE_REGION).where(WAREHOUSE_REGION.REGION_CODE.in(regionCodes)))));
    }

    private List<Warehouse> all(org.jooq.Condition condition) {
        List<WarehouseRecord> rows = dsl.selectFrom(WAREHOUSE).where(WAREHOUSE.DELETED_AT.isNull(), condition)
                .orderBy(WAREHOUSE.CODE).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> regions = new HashMap<>();
        dsl.select(WAREHOUSE_REGION.WAREHOUSE_ID, WAREHOUSE_REGION.REGION_CODE).from(WAREHOUSE_REGION)
                .where(WAREHOUSE_REGION.WAREHOUSE_ID.in(rows.stream().map(WarehouseRecord::getId).toList()))
                .orderBy(WAREHOUSE_REGION.REGION_CODE)
                .forEach(r -> regions.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return rows.stream().map(r -> new Warehouse(r.getId(), r.getCode(), r.getName(), r.getAddress(), r.getActive(),
                regions.getOrDefault(r.getId(), List.of()), r.getVersion())).toList();
    }

    private static Map<String, Object> snapshot(WarehouseRecord r, List<String> regions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.getCode());
        m.put("name", r.getName());
        m.put("address", r.getAddress());
        m.put("active", r.getActive());
        m.put("regions", String.join(",", regions.stream().sorted().toList()));
        return m;
    }
}
