package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.jooq.tables.records.OrgUnitRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The org tree (company → region → team). */
public final class OrgUnitRepository {

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private OrgUnitRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static OrgUnitRepository using(Configuration configuration, Clock clock) {
        return new OrgUnitRepository(configuration, clock);
    }

    public void insert(Actor actor, ChangeReason reason, OrgUnit unit) {
        OffsetDateTime now = Rows.now(clock);
        OrgUnitRecord r = dsl.newRecord(ORG_UNIT);
        r.setId(unit.id());
        r.setParentId(unit.parentId());
        r.setName(unit.name());
        r.setKind(unit.kind().name());
        r.setPath(unit.path());
        r.setRegionCode(unit.regionCode());
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("parentId", unit.parentId());
        after.put("name", unit.name());
        after.put("kind", unit.kind());
        after.put("path", unit.path());
        after.put("regionCode", unit.regionCode());
        changeLog.record(actor, reason, "org_unit", unit.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), after));
    }

    /** Every live unit, parents before children. */
    public List<OrgUnit> all() {
        return dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.DELETED_AT.isNull()).orderBy(ORG_UNIT.PATH)
                .fetch(r -> new OrgUnit(r.getId(), r.getParentId(), r.getName(), OrgUnit.Kind.valueOf(r.getKind()),
                        r.getPath(), r.getRegionCode()));
    }

    /** The live unit with this id. */
    public java.util.Optional<OrgUnit> byId(java.util.UUID id) {
        return all().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /**
     * Gives a unit another name.
     *
     * @throws SalesDeskException {@code orgUnit.stale} when someone renamed, moved or removed the
     *                            unit since {@code unit} was read (its name is compared, not overwritten)
     */
    public void rename(Actor actor, ChangeReason reason, OrgUnit unit, String name) {
        if (unit.name().equals(name)) {
            return;
        }
        int updated = dsl.update(ORG_UNIT)
                .set(ORG_UNIT.NAME, name)
                .set(ORG_UNIT.VERSION, ORG_UNIT.VERSION.plus(1))
                .set(ORG_UNIT.UPDATED_AT, Rows.now(clock))
                .set(ORG_UNIT.UPDATED_BY, Rows.userId(actor))
                .where(ORG_UNIT.ID.eq(unit.id()), ORG_UNIT.NAME.eq(unit.name()), ORG_UNIT.PATH.eq(unit.path()),
                        ORG_UNIT.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new SalesDeskException("orgUnit.stale", unit.name());
        }
        changeLog.record(actor, reason, "org_unit", unit.id(), ChangeEntry.Operation.UPDATE,
                FieldChange.diff(Map.of("name", unit.name()), Map.of("name", name)));
    }

    /**
     * Puts a unit (with its subtree) under another parent: every path in the subtree takes the new
     * prefix, so visibility by org subtree follows at once.
     */
    public void move(Actor actor, ChangeReason reason, OrgUnit unit, OrgUnit newParent) {
        String oldPath = unit.path();
        String newPath = newParent.childPath(unit.id());
        OffsetDateTime now = Rows.now(clock);
        // Both units as they were read, so a move never builds on a tree someone else changed meanwhile.
        int locked = dsl.update(ORG_UNIT).set(ORG_UNIT.VERSION, ORG_UNIT.VERSION)
                .where(DSL.and(ORG_UNIT.ID.eq(unit.id()), ORG_UNIT.PATH.eq(oldPath))
                        .or(DSL.and(ORG_UNIT.ID.eq(newParent.id()), ORG_UNIT.PATH.eq(newParent.path()))))
                .and(ORG_UNIT.DELETED_AT.isNull())
                .execute();
        if (locked < 2) {
            throw new SalesDeskException("orgUnit.stale", unit.name());
        }
        for (OrgUnit inSubtree : all()) {
            if (!inSubtree.path().startsWith(oldPath)) {
                continue;
            }
            String moved = newPath + inSubtree.path().substring(oldPath.length());
            var update = dsl.update(ORG_UNIT).set(ORG_UNIT.PATH, moved);
            if (inSubtree.id().equals(unit.id())) {
                update = update.set(ORG_UNIT.PARENT_ID, newParent.id());
            }
            update.set(ORG_UNIT.VERSION, ORG_UNIT.VERSION.plus(1))
                    .set(ORG_UNIT.UPDATED_AT, now)
                    .set(ORG_UNIT.UPDATED_BY, Rows.userId(actor))
                    .where(ORG_UNIT.ID.eq(inSubtree.id()))
                    .execute();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("path", inSubtree.path());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("path", moved);
            if (inSubtree.id().equals(unit.id())) {
                before.put("parentId", unit.parentId());
                after.put("parentId", newParent.id());
            }
            changeLog.record(actor, reason, "org_unit", inSubtree.id(), ChangeEntry.Operation.UPDATE,
                    FieldChange.diff(before, after));
        }
    }
}
