package io.salesdesk.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Takes rows the hub names as having left the replica's subtree off the replica's lists, with what
 * hangs on them: a customer's contacts and follow-ups, a task's checklist and comments. A row with a
 * local change not yet pushed stays until its push (recorded as OUTSIDE_SCOPE at the hub) has gone
 * up; a customer or deal that a row staying here still names stays, as decision 6 keeps the customer
 * of a branch rep's deal.
 */
final class ScopeExit {

    private ScopeExit() {
    }

    /** Withdraws the rows named; returns how many owned rows (customers, deals, leads, tasks) left. */
    static int apply(Configuration cfg, Clock clock, List<SyncHub.RowRef> left, long pushedSeq) {
        if (left.isEmpty()) {
            return 0;
        }
        ScopeExitRepository repo = ScopeExitRepository.using(cfg);
        Map<UUID, Set<String>> unpushed = LocalChangeRepository.using(cfg)
                .unpushedFields(pushedSeq, left.stream().map(SyncHub.RowRef::id).toList());
        Set<UUID> tasks = named(repo, left, SyncedEntity.TASK, unpushed);
        Set<UUID> leads = named(repo, left, SyncedEntity.LEAD, unpushed);
        Set<UUID> deals = named(repo, left, SyncedEntity.DEAL, unpushed);
        Set<UUID> quotes = named(repo, left, SyncedEntity.QUOTE, unpushed);
        Set<UUID> leaving = new HashSet<>(tasks);
        leaving.addAll(quotes);
        leaving.addAll(leads);
        deals.removeAll(repo.dealsStillNamed(deals, leaving));
        leaving.addAll(deals);
        Set<UUID> customers = named(repo, left, SyncedEntity.CUSTOMER, unpushed);
        customers.removeAll(repo.customersStillNamed(customers, leaving));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Dependants first, as a user deletes them.
        repo.withdraw(SyncedEntity.CHECKLIST_ITEM, repo.checklistOf(tasks), now);
        repo.withdraw(SyncedEntity.TASK_COMMENT, repo.commentsOf(tasks), now);
        repo.withdraw(SyncedEntity.TASK, tasks, now);
        repo.withdraw(SyncedEntity.QUOTE, quotes, now);
        repo.withdraw(SyncedEntity.LEAD, leads, now);
        repo.withdraw(SyncedEntity.DEAL, deals, now);
        repo.withdraw(SyncedEntity.ACTIVITY, repo.activitiesOf(customers), now);
        repo.withdraw(SyncedEntity.CONTACT, repo.contactsOf(customers), now);
        repo.withdraw(SyncedEntity.CUSTOMER, customers, now);
        return tasks.size() + quotes.size() + leads.size() + deals.size() + customers.size();
    }

    /** Rows of the hub's that this side holds deleted but the hub sends live (back in scope): made live first. */
    static void restore(Configuration cfg, Map<SyncedEntity, ? extends Collection<UUID>> backInScope) {
        ScopeExitRepository repo = ScopeExitRepository.using(cfg);
        backInScope.forEach(repo::restore);
    }

    // The live rows of the entity the hub named, less those with local changes still to push.
    private static Set<UUID> named(ScopeExitRepository repo, List<SyncHub.RowRef> left, SyncedEntity entity,
                                   Map<UUID, Set<String>> unpushed) {
        List<UUID> ids = left.stream().filter(r -> r.entity() == entity).map(SyncHub.RowRef::id)
                .filter(id -> !unpushed.containsKey(id)).toList();
        return new HashSet<>(ids.isEmpty() ? Set.of() : repo.live(entity, ids));
    }
}
