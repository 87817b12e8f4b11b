package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the planned roster rows in the caller's transaction: new members in one batch, managers
 * before the members who report to them (the manager column references the user table), then
 * updates of existing accounts on the version read at preview.
 */
final class UserImportWriter {

    private final UserRepository users;
    private final Clock clock;
    private final UUID companyUnitId;

    UserImportWriter(UserRepository users, Clock clock, UUID companyUnitId) {
        this.users = users;
        this.clock = clock;
        this.companyUnitId = companyUnitId;
    }

    List<WrittenRow> write(Actor actor, ChangeReason reason, List<ImportRow> rows, ImportMonitor monitor) {
        Map<ImportRow, UserPlan> writes = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            UserPlan plan = (UserPlan) row.plan();
            RowAction action = row.action();
            if (action == RowAction.CREATE) {
                plan.newId = Ids.newId(clock);
                writes.put(row, plan);
            } else if (action == RowAction.UPDATE && !row.match().inFile()) {
                writes.put(row, plan);
            }
        }
        for (UserPlan plan : writes.values()) {
            UUID manager = managerOf(plan);
            UserDraft base = plan.newId != null
                    ? new UserDraft(plan.username, plan.displayName, UserRowReader.defaultRole(), companyUnitId, null,
                            null, null)
                    : plan.existing;
            plan.writeDraft = plan.over(base, manager);
        }
        List<WrittenRow> written = new ArrayList<>();
        List<Map.Entry<ImportRow, UserPlan>> creates = writes.entrySet().stream().filter(e -> e.getValue().newId != null)
                .sorted(Comparator.comparingInt(e -> depth(e.getValue()))).toList();
        users.insertAll(actor, reason, creates.stream()
                .map(e -> new UserRepository.NewUser(e.getValue().newId, e.getValue().writeDraft)).toList());
        creates.forEach(e -> written.add(new WrittenRow(e.getValue().newId, RowAction.CREATE, e.getKey().rowNumber(), 1L)));
        monitor.progress(ImportPhase.COMMIT, creates.size(), writes.size());
        for (Map.Entry<ImportRow, UserPlan> entry : writes.entrySet()) {
            UserPlan plan = entry.getValue();
            if (plan.newId != null) {
                continue;
            }
            monitor.checkCancelled();
            try {
                UserAccount updated = users.update(actor, reason, plan.targetId, plan.expectedVersion, plan.writeDraft);
                written.add(new WrittenRow(updated.id(), RowAction.UPDATE, entry.getKey().rowNumber(), updated.version()));
            } catch (StaleRecordException e) {
                // Changed by someone else between preview and commit: reported, not overwritten.
                entry.getKey().markConflict();
            }
        }
        monitor.progress(ImportPhase.COMMIT, writes.size(), writes.size());
        return written;
    }

    // A manager from the roster is the account their row created or matched; null if it was not written.
    private static UUID managerOf(UserPlan plan) {
        if (plan.managerRow == null) {
            return plan.managerId;
        }
        UserPlan manager = (UserPlan) plan.managerRow.plan();
        return manager.accountId();
    }

    // How many new managers stand above a new member: they are inserted first.
    private static int depth(UserPlan plan) {
        int depth = 0;
        for (ImportRow up = plan.managerRow; up != null && ((UserPlan) up.plan()).newId != null;
                up = ((UserPlan) up.plan()).managerRow) {
            depth++;
        }
        return depth;
    }
}
