package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.jooq.tables.records.AppUserRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Users (table {@code app_user}) with their org unit. */
public final class UserRepository {

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private UserRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static UserRepository using(Configuration configuration, Clock clock) {
        return new UserRepository(configuration, clock);
    }

    /**
     * Inserts a user.
     *
     * @param user   the user; its org unit fields other than the id are ignored
     * @param email  e-mail, may be null
     * @param mobile mobile, may be null
     */
    public void insert(Actor actor, ChangeReason reason, User user, String email, String mobile) {
        OffsetDateTime now = Rows.now(clock);
        AppUserRecord r = dsl.newRecord(APP_USER);
        r.setId(user.id());
        r.setUsername(user.username());
        r.setDisplayName(user.displayName());
        r.setRole(user.role().name());
        r.setOrgUnitId(user.orgUnitId());
        r.setManagerId(user.managerId());
        r.setEmail(email);
        r.setMobile(mobile);
        r.setActive(true);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", user.username());
        after.put("displayName", user.displayName());
        after.put("role", user.role());
        after.put("orgUnitId", user.orgUnitId());
        after.put("managerId", user.managerId());
        after.put("email", email);
        after.put("mobile", mobile);
        changeLog.record(actor, reason, "app_user", user.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), after));
    }

    /** Every active user, by org path and name. */
    public List<User> all() {
        return select(DSL.trueCondition());
    }

    public Optional<User> byId(UUID id) {
        return select(APP_USER.ID.eq(id)).stream().findFirst();
    }

    public Optional<User> byUsername(String username) {
        return select(APP_USER.USERNAME.eq(username)).stream().findFirst();
    }

    /** Users whose records the viewer may see, i.e. the owners the viewer can filter by. */
    public List<User> visibleTo(Actor viewer) {
        return select(Visibility.ownedBy(APP_USER.ID, viewer));
    }

    /** The first active user with this role, e.g. the default regional manager. */
    public Optional<User> firstWithRole(Role role) {
        return select(APP_USER.ROLE.eq(role.name())).stream().findFirst();
    }

    private List<User> select(Condition condition) {
        return dsl.select(APP_USER.fields()).select(ORG_UNIT.NAME, ORG_UNIT.PATH)
                .from(APP_USER).join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.DELETED_AT.isNull(), APP_USER.ACTIVE.isTrue(), condition)
                .orderBy(ORG_UNIT.PATH, APP_USER.USERNAME)
                .fetch(UserRepository::toUser);
    }

    private static User toUser(Record r) {
        return new User(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                Role.valueOf(r.get(APP_USER.ROLE)), r.get(APP_USER.ORG_UNIT_ID), r.get(ORG_UNIT.NAME),
                r.get(ORG_UNIT.PATH), r.get(APP_USER.MANAGER_ID));
    }
}
