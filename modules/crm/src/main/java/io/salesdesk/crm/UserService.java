package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The people who use SalesDesk and the org tree they sit in. */
public final class UserService {

    private final Database db;
    private final Clock clock;

    public UserService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every active user. */
    public List<User> all() {
        return db.transactionResult(cfg -> UserRepository.using(cfg, clock).all());
    }

    public Optional<User> byUsername(String username) {
        return db.transactionResult(cfg -> UserRepository.using(cfg, clock).byUsername(username));
    }

    /** The owners whose customers the viewer sees: themselves, their team, or everyone. */
    public List<User> visibleOwners(Actor viewer) {
        return db.transactionResult(cfg -> UserRepository.using(cfg, clock).visibleTo(viewer));
    }

    /**
     * The user the app starts as until login arrives: the named one, else the first regional
     * manager, else anyone.
     */
    public Optional<User> defaultUser(String preferredUsername) {
        return db.transactionResult(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            Optional<User> preferred = preferredUsername == null ? Optional.empty() : users.byUsername(preferredUsername);
            return preferred.or(() -> users.firstWithRole(Role.MANAGER)).or(() -> users.all().stream().findFirst());
        });
    }
}
