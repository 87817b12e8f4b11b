package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.db.jooq.tables.records.AppUserRecord;
import io.salesdesk.db.jooq.tables.records.OrgUnitRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The org tree and users, read whole on the hub and added where missing on a replica. */
final class DirectoryRepository {

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

    Directory read() {
        List<Map<String, Object>> units = dsl.selectFrom(ORG_UNIT).orderBy(DSL.length(ORG_UNIT.PATH), ORG_UNIT.ID)
                .fetch().map(OrgUnitRecord::intoMap);
        List<Map<String, Object>> users = dsl.selectFrom(APP_USER).orderBy(APP_USER.ID).fetch().map(AppUserRecord::intoMap);
        return new Directory(units, users);
    }

    /**
     * Adds the org units and users this side lacks. Users go in without their manager first, since
     * a manager may come later in the list. Rows this side has are left as they are.
     */
    void addMissing(Directory directory) {
        Set<UUID> units = new HashSet<>(dsl.select(ORG_UNIT.ID).from(ORG_UNIT).fetch(ORG_UNIT.ID));
        for (Map<String, Object> values : directory.orgUnits()) {
            OrgUnitRecord r = dsl.newRecord(ORG_UNIT);
            r.fromMap(values);
            if (!units.contains(r.getId())) {
                r.insert();
            }
        }
        Set<UUID> users = new HashSet<>(dsl.select(APP_USER.ID).from(APP_USER).fetch(APP_USER.ID));
        List<AppUserRecord> added = directory.users().stream().map(values -> {
            AppUserRecord r = dsl.newRecord(APP_USER);
            r.fromMap(values);
            return r;
        }).filter(r -> !users.contains(r.getId())).toList();
        for (AppUserRecord r : added) {
            UUID manager = r.getManagerId();
            r.setManagerId(null);
            r.insert();
            r.setManagerId(manager);
        }
        for (AppUserRecord r : added) {
            if (r.getManagerId() != null) {
                dsl.update(APP_USER).set(APP_USER.MANAGER_ID, r.getManagerId()).where(APP_USER.ID.eq(r.getId())).execute();
            }
        }
    }
}
