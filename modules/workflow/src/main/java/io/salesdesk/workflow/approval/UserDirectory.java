package io.salesdesk.workflow.approval;

import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/** The team roster as approvers: the live users of the workspace. */
public final class UserDirectory implements ApproverDirectory {

    private final UserRepository users;

    private UserDirectory(UserRepository users) {
        this.users = users;
    }

    public static ApproverDirectory using(Configuration cfg, Clock clock) {
        return new UserDirectory(UserRepository.using(cfg, clock));
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
        return users.headOfRegion(regionCode);
    }

    @Override
    public boolean isActive(UUID userId) {
        return users.byId(userId).isPresent();
    }
}
