package io.salesdesk.studio.dashboard;

import static io.salesdesk.db.jooq.Tables.DASHBOARD_LAYOUT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.DashboardLayoutRecord;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The stored dashboard layouts, as JSON lists of widget keys: one per user, one (owner null) for the team. */
final class DashboardLayoutRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private DashboardLayoutRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    static DashboardLayoutRepository using(Configuration configuration, Clock clock) {
        return new DashboardLayoutRepository(configuration, clock);
    }

    /** The widgets JSON of a user's layout, or of the team's with a null owner. */
    Optional<String> widgets(UUID ownerId) {
        return Optional.ofNullable(find(whose(ownerId))).map(DashboardLayoutRecord::getWidgets);
    }

    void save(Actor actor, UUID ownerId, String widgetsJson) {
        DashboardLayoutRecord existing = find(whose(ownerId));
        if (existing == null) {
            dsl.insertInto(DASHBOARD_LAYOUT).set(DASHBOARD_LAYOUT.ID, Ids.newId(clock))
                    .set(DASHBOARD_LAYOUT.OWNER_ID, ownerId).set(DASHBOARD_LAYOUT.WIDGETS, widgetsJson)
                    .set(DASHBOARD_LAYOUT.VERSION, 1L).set(DASHBOARD_LAYOUT.UPDATED_AT, Rows.now(clock))
                    .set(DASHBOARD_LAYOUT.UPDATED_BY, Rows.userId(actor)).execute();
        } else {
            dsl.update(DASHBOARD_LAYOUT).set(DASHBOARD_LAYOUT.WIDGETS, widgetsJson)
                    .set(DASHBOARD_LAYOUT.VERSION, existing.getVersion() + 1)
                    .set(DASHBOARD_LAYOUT.UPDATED_AT, Rows.now(clock))
                    .set(DASHBOARD_LAYOUT.UPDATED_BY, Rows.userId(actor))
                    .where(DASHBOARD_LAYOUT.ID.eq(existing.getId())).execute();
        }
    }

    void delete(UUID ownerId) {
        dsl.deleteFrom(DASHBOARD_LAYOUT).where(whose(ownerId)).execute();
    }

    private static Condition whose(UUID ownerId) {
        return ownerId == null ? DASHBOARD_LAYOUT.OWNER_ID.isNull() : DASHBOARD_LAYOUT.OWNER_ID.eq(ownerId);
    }

    private DashboardLayoutRecord find(Condition whose) {
        return dsl.selectFrom(DASHBOARD_LAYOUT).where(whose).orderBy(DASHBOARD_LAYOUT.UPDATED_AT.desc()).limit(1)
                .fetchOne();
    }
}
