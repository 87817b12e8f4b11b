package io.salesdesk.dispatch;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.REGION;
import static io.salesdesk.db.jooq.Tables.REP_PROFILE;
import static io.salesdesk.db.jooq.Tables.REP_TERRITORY;

import io.salesdesk.core.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads and writes a rep's dispatch profile: territories, monthly capacity and leave. */
public final class RepProfileRepository {

    /** The audit trail's name for a rep's profile. */
    public static final String ENTITY = "rep_profile";

    private final DSLContext dsl;

    private RepProfileRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static RepProfileRepository using(Configuration configuration) {
        return new RepProfileRepository(configuration);
    }

    /** The profile of an active rep; empty for anyone else. */
    public Optional<RepProfile> find(UUID userId) {
        var user = dsl.select(APP_USER.DISPLAY_NAME, REP_PROFILE.MONTHLY_CAPACITY, REP_PROFILE.AWAY_FROM,
                        REP_PROFILE.AWAY_UNTIL)
                .from(APP_USER).leftJoin(REP_PROFILE).on(REP_PROFILE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(userId), APP_USER.DELETED_AT.isNull(), APP_USER.ROLE.eq(Role.REP.name()))
                .fetchOptional();
        return user.map(r -> new RepProfile(userId, r.value1(),
                dsl.select(REP_TERRITORY.REGION_CODE).from(REP_TERRITORY).where(REP_TERRITORY.USER_ID.eq(userId))
                        .orderBy(REP_TERRITORY.REGION_CODE).fetch(REP_TERRITORY.REGION_CODE),
                r.value2(), r.value3(), r.value4()));
    }

    /** The codes among {@code codes} that are not regions we know. */
    public Set<String> unknownRegions(Collection<String> codes) {
        Set<String> unknown = new TreeSet<>(codes);
        dsl.select(REGION.CODE).from(REGION).where(REGION.CODE.in(codes)).forEach(r -> unknown.remove(r.value1()));
        return unknown;
    }

    /**
     * Saves {@code edited} only while the stored profile is still {@code asRead}: the profile row is
     * updated where its fields are as read (which also locks it on PostgreSQL, so two saves queue),
     * then the territories are compared. Returns false when someone changed it meanwhile; the caller
     * must then roll back, as part of the edit may already be written.
     */
    public boolean saveIfUnchanged(RepProfile asRead, RepProfile edited) {
        UUID id = edited.userId();
        int updated = dsl.update(REP_PROFILE).set(REP_PROFILE.MONTHLY_CAPACITY, edited.monthlyCapacity())
                .set(REP_PROFILE.AWAY_FROM, edited.awayFrom()).set(REP_PROFILE.AWAY_UNTIL, edited.awayUntil())
                .where(REP_PROFILE.USER_ID.eq(id),
                        REP_PROFILE.MONTHLY_CAPACITY.isNotDistinctFrom(asRead.monthlyCapacity()),
                        REP_PROFILE.AWAY_FROM.isNotDistinctFrom(asRead.awayFrom()),
                        REP_PROFILE.AWAY_UNTIL.isNotDistinctFrom(asRead.awayUntil()))
                .execute();
        if (updated == 0) {
            boolean rowExists = dsl.fetchExists(REP_PROFILE, REP_PROFILE.USER_ID.eq(id));
            boolean readAsNoRow = asRead.monthlyCapacity() == null && asRead.awayFrom() == null
                    && asRead.awayUntil() == null;
            if (rowExists || !readAsNoRow) {
                return false;
            }
            // A second first save at the same moment fails on the primary key instead of overwriting.
            dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, id)
                    .set(REP_PROFILE.MONTHLY_CAPACITY, edited.monthlyCapacity())
                    .set(REP_PROFILE.AWAY_FROM, edited.awayFrom()).set(REP_PROFILE.AWAY_UNTIL, edited.awayUntil())
                    .execute();
        }
        List<String> stored = dsl.select(REP_TERRITORY.REGION_CODE).from(REP_TERRITORY)
                .where(REP_TERRITORY.USER_ID.eq(id)).orderBy(REP_TERRITORY.REGION_CODE).fetch(REP_TERRITORY.REGION_CODE);
        if (!stored.equals(asRead.territories().stream().sorted().toList())) {
            return false;
        }
        replaceTerritories(id, edited.territories());
        return true;
    }

    /** Replaces the rep's territories and profile fields whatever they are now (templates, demo); keeps when they last got a lead. */
    public void save(RepProfile profile) {
        UUID id = profile.userId();
        int updated = dsl.update(REP_PROFILE).set(REP_PROFILE.MONTHLY_CAPACITY, profile.monthlyCapacity())
                .set(REP_PROFILE.AWAY_FROM, profile.awayFrom()).set(REP_PROFILE.AWAY_UNTIL, profile.awayUntil())
                .where(REP_PROFILE.USER_ID.eq(id)).execute();
        if (updated == 0) {
            dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, id)
                    .set(REP_PROFILE.MONTHLY_CAPACITY, profile.monthlyCapacity())
                    .set(REP_PROFILE.AWAY_FROM, profile.awayFrom()).set(REP_PROFILE.AWAY_UNTIL, profile.awayUntil())
                    .execute();
        }
        replaceTerritories(id, profile.territories());
    }

    private void replaceTerritories(UUID id, List<String> territories) {
        dsl.deleteFrom(REP_TERRITORY).where(REP_TERRITORY.USER_ID.eq(id)).execute();
        for (String code : territories) {
            dsl.insertInto(REP_TERRITORY).set(REP_TERRITORY.USER_ID, id).set(REP_TERRITORY.REGION_CODE, code).execute();
        }
    }
}
