package io.salesdesk.insight.demo;

import static io.salesdesk.db.jooq.Tables.ACTIVITY;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.ActivityDayRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * What the demo workspace needs for every KPI tile to show a real figure: when each person
 * joined, two reps who left (key-role attrition), how long each written note took (paperwork
 * share; the demo's notes have no duration), and contracts created some days before they were
 * signed (the demo makes them today and back-dates the signing, which would give negative cycles).
 * Uses what the earlier demo steps made; skips what is missing.
 */
public final class DemoKpis {

    private final Database db;
    private final Clock clock;

    public DemoKpis(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds the KPI facts to the demo organisation; deterministic for a seed. */
    public void create(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x4b5049L);
        LocalDate today = BusinessTime.today(clock);
        db.transaction(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // The demo's team was made today; it has been with the company for a while.
            for (UUID id : dsl.select(APP_USER.ID).from(APP_USER)
                    .where(APP_USER.JOINED_ON.isNull().or(APP_USER.JOINED_ON.ge(today)))
                    .orderBy(APP_USER.USERNAME).fetch(APP_USER.ID)) {
                dsl.update(APP_USER).set(APP_USER.JOINED_ON, today.minusDays(400 + random.nextInt(1200)))
                        .where(APP_USER.ID.eq(id)).execute();
            }
            formerReps(cfg, dsl, today);
            var notes = dsl.batch(dsl.update(ACTIVITY).set(ACTIVITY.DURATION_MINUTES, (Integer) null)
                    .where(ACTIVITY.ID.eq((UUID) null)));
            int n = 0;
            for (UUID id : dsl.select(ACTIVITY.ID).from(ACTIVITY)
                    .where(ACTIVITY.KIND.eq("NOTE"), ACTIVITY.DURATION_MINUTES.isNull())
                    .orderBy(ACTIVITY.ID).fetch(ACTIVITY.ID)) {
                notes.bind(10 + random.nextInt(10) * 5, id);
                n++;
            }
            if (n > 0) {
                notes.execute();
                ActivityDayRepository.using(cfg).rebuild(); // the durations just set bypassed ActivityRepository
            }
            backdateDrafting(dsl, random);
        });
    }

    /**
     * Contracts the demo made today and signed on an earlier date: drafted (created) and submitted
     * for approval 3 to 22 days before the signing, so the contract cycle is a real, positive one.
     * Only moves what is later than that; later demo steps that sign back-dated contracts call it too.
     */
    public static void backdateDrafting(DSLContext dsl, SplittableRandom random) {
        boolean moved = false;
        for (Record3<UUID, LocalDate, OffsetDateTime> c : dsl.select(CONTRACT.ID, CONTRACT.SIGNED_ON,
                CONTRACT.CREATED_AT).from(CONTRACT).where(CONTRACT.SIGNED_ON.isNotNull()).orderBy(CONTRACT.ID)
                .fetch()) {
            LocalDate created = c.value3().atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
            if (created.isAfter(c.value2().minusDays(2))) {
                OffsetDateTime drafted = c.value2().minusDays(3 + random.nextInt(20)).atTime(10, 0)
                        .atZone(BusinessTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
                dsl.update(CONTRACT).set(CONTRACT.CREATED_AT, drafted).where(CONTRACT.ID.eq(c.value1())).execute();
                dsl.update(APPROVAL_REQUEST).set(APPROVAL_REQUEST.SUBMITTED_AT, drafted.plusHours(2))
                        .where(APPROVAL_REQUEST.ENTITY.eq("contract"), APPROVAL_REQUEST.RECORD_ID.eq(c.value1()),
                                APPROVAL_REQUEST.SUBMITTED_AT.gt(drafted.plusHours(2)))
                        .execute();
                moved = true;
            }
        }
        if (moved) {
            ContractKpiDayRepository.using(dsl.configuration()).rebuild(); // the dates just moved bypassed the repositories
        }
    }

    /** Two reps of the first sales team who left: 40 and 110 days ago. */
    private void formerReps(org.jooq.Configuration cfg, DSLContext dsl, LocalDate today) {
        var team = dsl.select(APP_USER.ORG_UNIT_ID, APP_USER.MANAGER_ID, ORG_UNIT.PATH).from(APP_USER)
                .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.ROLE.eq(Role.REP.name()), APP_USER.DELETED_AT.isNull()).orderBy(APP_USER.USERNAME)
                .limit(1).fetchOne();
        if (team == null) {
            return;
        }
        UserRepository users = UserRepository.using(cfg, clock);
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "demo");
        String[][] former = {{"former.rep1", "周离", "40"}, {"former.rep2", "吴远", "110"}};
        for (String[] f : former) {
            if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(f[0]))) {
                continue;
            }
            User user = new User(Ids.newId(clock), f[0], f[1], Role.REP, team.value1(), null, team.value3(),
                    team.value2());
            users.insert(null, reason, user, null, null);
            dsl.update(APP_USER).set(APP_USER.ACTIVE, false)
                    .set(APP_USER.JOINED_ON, today.minusDays(500))
                    .set(APP_USER.LEFT_ON, today.minusDays(Integer.parseInt(f[2])))
                    .where(APP_USER.ID.eq(user.id())).execute();
        }
    }
}
