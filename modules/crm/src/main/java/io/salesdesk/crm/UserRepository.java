package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.REGION;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.AppUserRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Users (table {@code app_user}) with their org unit. */
public final class UserRepository {

    static final String ENTITY = "app_user";

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
        // The day the account is made is the day the member joined, so key-role attrition counts them.
        r.setJoinedOn(BusinessTime.today(clock));
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
        after.put("joinedOn", r.getJoinedOn());
        changeLog.record(actor, reason, "app_user", user.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), after));
    }

    /**
     * Inserts team members in one batch with one audit entry each (the roster import). A manager
     * must come before the members who report to them.
     */
    public void insertAll(Actor actor, ChangeReason reason, List<NewUser> users) {
        OffsetDateTime now = Rows.now(clock);
        LocalDate today = BusinessTime.today(clock);
        List<AppUserRecord> records = new ArrayList<>(users.size());
        List<ChangeLog.Pending> audit = new ArrayList<>(users.size());
        for (NewUser u : users) {
            AppUserRecord r = dsl.newRecord(APP_USER);
            r.setId(u.id());
            apply(r, u.draft());
            if (r.getJoinedOn() == null) {
                r.setJoinedOn(today);
            }
            r.setActive(u.draft().onTeam(today));
            r.setVersion(1L);
            r.setCreatedAt(now);
            r.setCreatedBy(Rows.userId(actor));
            r.setUpdatedAt(now);
            r.setUpdatedBy(Rows.userId(actor));
            records.add(r);
            audit.add(new ChangeLog.Pending(ENTITY, u.id(), ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), snapshot(r))));
        }
        BulkInsert.insert(dsl, records);
        changeLog.recordAll(actor, reason, audit);
    }

    /**
     * Applies roster fields edited on {@code expectedVersion}. A deleted or deactivated account
     * becomes active again: its login was never free, and the roster says the person is on the team;
     * unless the roster gives a 离职日期 that has come, which deactivates the account.
     *
     * @throws StaleRecordException if the account changed since that version
     */
    public UserAccount update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, UserDraft draft) {
        AppUserRecord current = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOne();
        if (current == null || current.getVersion() != expectedVersion) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, current == null ? null : toAccount(current));
        }
        AppUserRecord changed = current.copy();
        apply(changed, draft);
        if (changed.getJoinedOn() == null) {
            changed.setJoinedOn(current.getJoinedOn());
        }
        changed.setActive(draft.onTeam(BusinessTime.today(clock)));
        changed.setDeletedAt(null);
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(current), snapshot(changed));
        if (changes.isEmpty()) {
            return toAccount(current);
        }
        int updated = dsl.update(APP_USER)
                .set(APP_USER.USERNAME, changed.getUsername())
                .set(APP_USER.DISPLAY_NAME, changed.getDisplayName())
                .set(APP_USER.ROLE, changed.getRole())
                .set(APP_USER.ORG_UNIT_ID, changed.getOrgUnitId())
                .set(APP_USER.MANAGER_ID, changed.getManagerId())
                .set(APP_USER.EMAIL, changed.getEmail())
                .set(APP_USER.MOBILE, changed.getMobile())
                .set(APP_USER.JOINED_ON, changed.getJoinedOn())
                .set(APP_USER.LEFT_ON, changed.getLeftOn())
                .set(APP_USER.ACTIVE, changed.getActive())
                .set(APP_USER.DELETED_AT, (OffsetDateTime) null)
                .set(APP_USER.VERSION, expectedVersion + 1)
                .set(APP_USER.UPDATED_AT, Rows.now(clock))
                .set(APP_USER.UPDATED_BY, Rows.userId(actor))
                .where(APP_USER.ID.eq(id), APP_USER.VERSION.eq(expectedVersion))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, null);
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return toAccount(dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle());
    }

    /**
     * Soft-deletes an account (undo of a roster import); the login stays taken, so the account can
     * come back with its history.
     *
     * @throws StaleRecordException if the account changed since {@code expectedVersion}
     */
    public void delete(Actor actor, ChangeReason reason, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(APP_USER)
                .set(APP_USER.DELETED_AT, now)
                .set(APP_USER.ACTIVE, false)
                .set(APP_USER.VERSION, expectedVersion + 1)
                .set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.UPDATED_BY, Rows.userId(actor))
                .where(APP_USER.ID.eq(id), APP_USER.VERSION.eq(expectedVersion), APP_USER.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(ENTITY, id, expectedVersion, null);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("active", true);
        before.put("deletedAt", null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("active", false);
        after.put("deletedAt", now);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.DELETE, FieldChange.diff(before, after));
    }

    /**
     * Accounts with any of these logins, compared without case, deleted and deactivated ones too:
     * a login is unique for ever (roster import dedupe).
     */
    public List<UserAccount> accountsByUsernames(Collection<String> usernames) {
        List<String> lower = usernames.stream().filter(Objects::nonNull).map(u -> u.toLowerCase(Locale.ROOT))
                .distinct().toList();
        List<UserAccount> found = new ArrayList<>();
        for (int from = 0; from < lower.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<String> chunk = lower.subList(from, Math.min(lower.size(), from + CustomerRepository.LOOKUP_CHUNK));
            found.addAll(dsl.selectFrom(APP_USER).where(DSL.lower(APP_USER.USERNAME).in(chunk))
                    .fetch(UserRepository::toAccount));
        }
        return found;
    }

    /** Accounts with these ids, deleted ones too (undo of a roster import). */
    public List<UserAccount> accountsByIds(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        List<UserAccount> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CustomerRepository.LOOKUP_CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CustomerRepository.LOOKUP_CHUNK));
            found.addAll(dsl.selectFrom(APP_USER).where(APP_USER.ID.in(chunk)).fetch(UserRepository::toAccount));
        }
        return found;
    }

    /** Every live account with its roster fields, by login (the roster export). */
    public List<UserAccount> liveAccounts() {
        return dsl.selectFrom(APP_USER).where(APP_USER.DELETED_AT.isNull()).orderBy(APP_USER.USERNAME)
                .fetch(UserRepository::toAccount);
    }

    /**
     * A team member to insert.
     *
     * @param id    id
     * @param draft validated roster fields
     */
    public record NewUser(UUID id, UserDraft draft) {
    }

    /** Guards against a broken tree (a unit that is its own ancestor). */
    private static final int MAX_ORG_DEPTH = 32;

    /**
     * The head of a region: the manager of the org unit serving the region (or, if none, of the
     * unit serving its city, then its province), going up the org tree from that unit until one
     * has an active manager. Empty when no unit covers the region.
     */
    public Optional<UUID> headOfRegion(String regionCode) {
        String code = regionCode;
        for (int i = 0; code != null && i < MAX_ORG_DEPTH; i++) {
            Optional<UUID> unit = dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                    .where(ORG_UNIT.REGION_CODE.eq(code), ORG_UNIT.DELETED_AT.isNull())
                    .orderBy(ORG_UNIT.PATH).limit(1).fetchOptional(ORG_UNIT.ID);
            if (unit.isPresent()) {
                return managerUpFrom(unit.get());
            }
            code = dsl.select(REGION.PARENT_CODE).from(REGION).where(REGION.CODE.eq(code))
                    .fetchOptional(REGION.PARENT_CODE).orElse(null);
        }
        return Optional.empty();
    }

    /** The unit's manager, or the nearest manager of a unit above it. */
    private Optional<UUID> managerUpFrom(UUID unitId) {
        UUID unit = unitId;
        for (int i = 0; unit != null && i < MAX_ORG_DEPTH; i++) {
            Optional<UUID> head = dsl.select(APP_USER.ID).from(APP_USER)
                    .where(APP_USER.ORG_UNIT_ID.eq(unit), APP_USER.ROLE.eq(Role.MANAGER.name()),
                            APP_USER.ACTIVE.isTrue(), APP_USER.DELETED_AT.isNull())
                    .orderBy(APP_USER.USERNAME).limit(1).fetchOptional(APP_USER.ID);
            if (head.isPresent()) {
                return head;
            }
            UUID current = unit;
            unit = dsl.select(ORG_UNIT.PARENT_ID).from(ORG_UNIT).where(ORG_UNIT.ID.eq(current))
                    .fetchOptional(ORG_UNIT.PARENT_ID).orElse(null);
        }
        return Optional.empty();
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

    /**
     * The codes the user's sales region covers start with this prefix (org unit 330000 → "33",
     * 330100 → "3301"); empty when the org unit has no region. Pools and waiting leads are per region.
     */
    public Optional<String> regionPrefixOf(UUID userId) {
        String code = dsl.select(ORG_UNIT.REGION_CODE).from(APP_USER).join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                .where(APP_USER.ID.eq(userId)).fetchOne(ORG_UNIT.REGION_CODE);
        return Optional.ofNullable(code).map(UserRepository::regionPrefix);
    }

    static String regionPrefix(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
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

    private static void apply(AppUserRecord r, UserDraft d) {
        r.setUsername(d.username().strip());
        r.setDisplayName(d.displayName().strip());
        r.setRole(d.role().name());
        r.setOrgUnitId(d.orgUnitId());
        r.setManagerId(d.managerId());
        r.setEmail(Rows.blankToNull(d.email()));
        r.setMobile(Rows.blankToNull(d.mobile()));
        r.setJoinedOn(d.joinedOn());
        r.setLeftOn(d.leftOn());
    }

    // Field names as UserDraft spells them, so undo can restore from the audit trail.
    private static Map<String, Object> snapshot(AppUserRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", r.getUsername());
        m.put("displayName", r.getDisplayName());
        m.put("role", r.getRole());
        m.put("orgUnitId", r.getOrgUnitId());
        m.put("managerId", r.getManagerId());
        m.put("email", r.getEmail());
        m.put("mobile", r.getMobile());
        m.put("joinedOn", r.getJoinedOn());
        m.put("leftOn", r.getLeftOn());
        m.put("active", r.getActive());
        m.put("deletedAt", r.getDeletedAt());
        return m;
    }

    private static UserAccount toAccount(AppUserRecord r) {
        return new UserAccount(r.getId(), new UserDraft(r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()),
                r.getOrgUnitId(), r.getManagerId(), r.getEmail(), r.getMobile(), r.getJoinedOn(), r.getLeftOn()),
                r.getActive() && r.getDeletedAt() == null, r.getVersion());
    }

    private static User toUser(Record r) {
        return new User(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                Role.valueOf(r.get(APP_USER.ROLE)), r.get(APP_USER.ORG_UNIT_ID), r.get(ORG_UNIT.NAME),
                r.get(ORG_UNIT.PATH), r.get(APP_USER.MANAGER_ID));
    }
}
