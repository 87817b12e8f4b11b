package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
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
}
