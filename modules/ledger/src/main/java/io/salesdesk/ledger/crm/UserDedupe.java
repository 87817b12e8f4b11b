package io.salesdesk.ledger.crm;

import io.salesdesk.crm.User;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.ledger.imports.DuplicateDecision;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds roster rows whose login (登录名) is taken, by an earlier row or an account, and resolves each
 * row's manager (上级) among the roster's own members first, then the existing users. A login is
 * unique for ever: a duplicate is skipped or updates the account, never created again; an account
 * that was deleted or deactivated comes back when its login is in the roster.
 */
final class UserDedupe {

    /** No user or roster member with this name or login; argument 1 is the text. */
    static final String UNKNOWN_MANAGER = "ledger.import.unknownManager";
    /** Several users have this name; argument 1 is the text. */
    static final String AMBIGUOUS_MANAGER = "ledger.import.ambiguousManager";
    /** The manager chain leads back to the member; argument 1 is the text. */
    static final String MANAGER_CYCLE = "ledger.import.managerCycle";

    private final UserRepository users;
    private final UserRowReader reader;

    UserDedupe(UserRepository users, UserRowReader reader) {
        this.users = users;
        this.reader = reader;
    }

    void run(List<ImportRow> rows) {
        List<ImportRow> candidates = rows.stream().filter(r -> r.problems().isEmpty()).toList();
        Map<String, UserAccount> accounts = new HashMap<>();
        users.accountsByUsernames(candidates.stream().map(r -> ((UserPlan) r.plan()).username).toList())
                .forEach(a -> accounts.put(login(a.draft().username()), a));
        Map<String, ImportRow> firstWithLogin = new HashMap<>();
        for (ImportRow row : candidates) {
            UserPlan plan = (UserPlan) row.plan();
            String login = login(plan.username);
            ImportRow earlier = firstWithLogin.putIfAbsent(login, row);
            UserAccount account = accounts.get(login);
            if (earlier != null) {
                row.matched(RowMatch.earlierRow(MatchKind.LOGIN, earlier.rowNumber()));
            } else if (account != null) {
                plan.existing = account.draft();
                plan.targetId = account.id();
                plan.expectedVersion = account.version();
                row.matched(RowMatch.existing(MatchKind.LOGIN, account.id(), account.draft().displayName(),
                        account.version()));
                if (!account.active()) {
                    row.decide(DuplicateDecision.UPDATE);
                }
            }
            if (row.match() != null && row.decision() == DuplicateDecision.CREATE) {
                row.decide(DuplicateDecision.SKIP);
            }
        }
        resolveManagers(candidates, firstWithLogin);
    }

    private void resolveManagers(List<ImportRow> rows, Map<String, ImportRow> rosterByLogin) {
        Map<String, List<ImportRow>> rosterByName = new HashMap<>();
        rosterByLogin.values().forEach(r -> rosterByName.computeIfAbsent(UserRowReader.key(((UserPlan) r.plan())
                .displayName), k -> new ArrayList<>()).add(r));
        Map<String, User> userByLogin = new HashMap<>();
        Map<String, List<User>> usersByName = new HashMap<>();
        for (User user : users.all()) {
            userByLogin.put(login(user.username()), user);
            // A user the roster lists is counted once, as the roster row.
            if (!rosterByLogin.containsKey(login(user.username()))) {
                usersByName.computeIfAbsent(UserRowReader.key(user.displayName()), k -> new ArrayList<>()).add(user);
            }
        }
        for (ImportRow row : rows) {
            UserPlan plan = (UserPlan) row.plan();
            if (plan.managerText == null) {
                continue;
            }
            String login = login(plan.managerText);
            String name = UserRowReader.key(plan.managerText);
            List<ImportRow> named = rosterByName.getOrDefault(name, List.of());
            List<User> namedUsers = usersByName.getOrDefault(name, List.of());
            if (rosterByLogin.containsKey(login)) {
                plan.managerRow = rosterByLogin.get(login);
            } else if (userByLogin.containsKey(login)) {
                plan.managerId = userByLogin.get(login).id();
            } else if (named.size() + namedUsers.size() > 1) {
                reader.managerProblem(row, AMBIGUOUS_MANAGER);
            } else if (named.size() == 1) {
                plan.managerRow = named.get(0);
            } else if (namedUsers.size() == 1) {
                plan.managerId = namedUsers.get(0).id();
            } else {
                reader.managerProblem(row, UNKNOWN_MANAGER);
            }
        }
        for (ImportRow row : rows) {
            if (reportsToItself(row)) {
                reader.managerProblem(row, MANAGER_CYCLE);
            }
        }
    }

    private static boolean reportsToItself(ImportRow row) {
        Set<ImportRow> seen = new HashSet<>();
        for (ImportRow r = row; r != null; r = ((UserPlan) r.plan()).managerRow) {
            if (!seen.add(r)) {
                return r == row;
            }
        }
        return false;
    }

    private static String login(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
