package io.salesdesk.sync;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.CUSTOM_FIELD;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.db.jooq.tables.records.AppUserRecord;
import io.salesdesk.db.jooq.tables.records.CustomFieldRecord;
import io.salesdesk.db.jooq.tables.records.OrgUnitRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The org tree, users and custom field definitions, read whole on the hub and added where missing on a replica. */
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
        List<Map<String, Object>> fields = dsl.selectFrom(CUSTOM_FIELD).orderBy(CUSTOM_FIELD.ID).fetch()
                .map(CustomFieldRecord::intoMap);
        return new Directory(units, users, fields);
    }

    /**
     * Makes this side's org units and users those of the hub, which alone manages them: adds the
     * ones this side lacks and overwrites the ones whose version differs (a unit renamed or moved, a
     * user given another unit or role). Users go in without their manager first, since a manager may
     * come later in the list. Passwords are not part of the directory and stay as they are.
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
