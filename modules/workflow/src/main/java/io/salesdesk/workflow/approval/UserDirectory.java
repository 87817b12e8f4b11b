package io.salesdesk.workflow.approval;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.REGION;

import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The team roster as approvers: the live users of the workspace. */
public final class UserDirectory implements ApproverDirectory {

    /** Guards against a broken tree (a unit that is its own ancestor). */
    private static final int MAX_DEPTH = 32;

    private final UserRepository users;
    private final DSLContext dsl;

    private UserDirectory(UserRepository users, DSLContext dsl) {
        this.users = users;
        this.dsl = dsl;
    }

    public static ApproverDirectory using(Configuration cfg, Clock clock) {
        return new UserDirectory(UserRepository.using(cfg, clock), DSL.using(cfg));
    }

    @Override
    public Optional<UUID> byLogin(String login) {
        return users.byUsername(login).map(User::id);
    }

    @Override
    public List<UUID> withRole(Role role) {
        return users.all().stream().filter(u -> u.role() == role).sorted(Comparator.comparing(User::username))
                .map(User::id).toList();
    }

    @Override
    public Optional<UUID> managerOf(UUID userId) {
        return users.byId(userId).map(User::managerId);
    }

    @Override
    public Optional<UUID> headOfRegion(String regionCode) {
        String code = regionCode;
        for (int i = 0; code != null && i < MAX_DEPTH; i++) {
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
        for (int i = 0; unit != null && i < MAX_DEPTH; i++) {
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

    @Override
    public boolean isActive(UUID userId) {
        return users.byId(userId).isPresent();
    }
}
