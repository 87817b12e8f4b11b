package io.salesdesk.studio.form;

import static io.salesdesk.db.jooq.Tables.FORM_LAYOUT;
import static io.salesdesk.db.jooq.Tables.FORM_LAYOUT_VERSION;

import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.FormLayoutRecord;
import io.salesdesk.studio.field.CustomEntity;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Saved form layouts, one row per entity, and every saved version of each. A reset to the default
 * marks the row deleted and keeps its version counting, so a designer open since before the reset
 * cannot overwrite it unseen.
 */
public final class FormLayoutRepository {

    static final String ENTITY = "form_layout";

    private final DSLContext dsl;
    private final Clock clock;

    private FormLayoutRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static FormLayoutRepository using(Configuration configuration, Clock clock) {
        return new FormLayoutRepository(configuration, clock);
    }

    /**
     * What is stored for an entity: its sections (null for the default layout), the fields left off on
     * purpose and its version (0 for none).
     */
    record Stored(List<FormSection> sections, List<String> leftOff, long version) {
    }

    Stored find(CustomEntity entity) {
        FormLayoutRecord r = dsl.selectFrom(FORM_LAYOUT).where(FORM_LAYOUT.ENTITY.eq(entity.name())).fetchOne();
        if (r == null) {
            return new Stored(null, List.of(), 0);
        }
        boolean live = r.getDeletedAt() == null;
        List<String> leftOff = !live || r.getLeftOff() == null ? List.of() : List.of(r.getLeftOff().split("\n"));
        return new Stored(live ? FormLayoutJson.read(r.getSections()) : null, leftOff, r.getVersion());
    }

    /**
     * Saves sections (null: back to the default) and the fields left off them on the version the user
     * started from.
     *
     * @return the new version
     * @throws StaleRecordException if someone else saved or reset the layout since {@code expectedVersion}
     */
    long save(UUID actorId, CustomEntity entity, long expectedVersion, List<FormSection> sections,
              List<String> leftOff) {
        OffsetDateTime now = Rows.now(clock);
        FormLayoutRecord r = dsl.selectFrom(FORM_LAYOUT).where(FORM_LAYOUT.ENTITY.eq(entity.name())).forUpdate()
                .fetchOne();
        long found = r == null ? 0 : r.getVersion();
        if (found != expectedVersion) {
            throw new StaleRecordException(ENTITY, r == null ? null : r.getId(), expectedVersion, null);
        }
        if (r == null) {
            r = dsl.newRecord(FORM_LAYOUT);
            r.setId(io.salesdesk.core.Ids.newId(clock));
            r.setEntity(entity.name());
            r.setCreatedAt(now);
            r.setCreatedBy(actorId);
        }
        String json = sections == null ? null : FormLayoutJson.write(sections);
        // A reset keeps the last saved sections in the row (the column is NOT NULL); deleted_at rules.
        String off = sections == null || leftOff.isEmpty() ? null : String.join("\n", leftOff);
        if (json != null) {
            r.setSections(json);
        }
        r.setLeftOff(off);
        r.setDeletedAt(sections == null ? now : null);
        r.setVersion(expectedVersion + 1);
        r.setUpdatedAt(now);
        r.setUpdatedBy(actorId);
        if (expectedVersion == 0) {
            if (json == null) {
                // Nothing was ever saved: the default is already in use.
                return 0;
            }
            r.insert();
        } else {
            int updated = dsl.update(FORM_LAYOUT).set(r).where(FORM_LAYOUT.ID.eq(r.getId()),
                    FORM_LAYOUT.VERSION.eq(expectedVersion)).execute();
            if (updated == 0) {
                throw new StaleRecordException(ENTITY, r.getId(), expectedVersion, null);
            }
        }
        dsl.insertInto(FORM_LAYOUT_VERSION)
                .set(FORM_LAYOUT_VERSION.LAYOUT_ID, r.getId())
                .set(FORM_LAYOUT_VERSION.VERSION, r.getVersion())
                .set(FORM_LAYOUT_VERSION.SECTIONS, json)
                .set(FORM_LAYOUT_VERSION.LEFT_OFF, off)
                .set(FORM_LAYOUT_VERSION.SAVED_AT, now)
                .set(FORM_LAYOUT_VERSION.SAVED_BY, actorId)
                .execute();
        return r.getVersion();
    }

    /** How many versions of an entity's layout were saved (resets included). */
    int versionCount(CustomEntity entity) {
        return dsl.fetchCount(FORM_LAYOUT_VERSION.join(FORM_LAYOUT).on(FORM_LAYOUT.ID.eq(FORM_LAYOUT_VERSION.LAYOUT_ID)),
                FORM_LAYOUT.ENTITY.eq(entity.name()));
    }
}
