package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.crm.UserAccount;
import io.salesdesk.crm.UserDraft;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes a roster import back: created accounts are soft-deleted (their logins stay taken, so a
 * later roster brings them back), updated ones get their previous values, and an account the batch
 * brought back is deleted again. An account changed since is left alone and listed.
 */
final class UserImportUndo {

    private final UserRepository users;
    private final ChangeLog changeLog;

    UserImportUndo(UserRepository users, ChangeLog changeLog) {
        this.users = users;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        Map<UUID, UserAccount> current = users.accountsByIds(written.stream().map(WrittenRow::entityId).toList())
                .stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        // Reports before their managers, the reverse of the order they were written in.
        List<WrittenRow> newestFirst = new ArrayList<>(written);
        Collections.reverse(newestFirst);
        for (WrittenRow row : newestFirst) {
            UserAccount account = current.get(row.entityId());
            // Unchanged since the import (same version), even if the import made it inactive with a
            // 离职日期: then it is the import's to take back.
            if (account == null || account.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(),
                        account == null ? null : account.draft().displayName(), row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                users.delete(actor, reason, account.id(), account.version());
                removed++;
            } else {
                UserDraft before = account.draft();
                boolean wasInactive = false;
                for (Map<String, FieldChange> changes : BatchChanges.updates(changeLog, account.id(), batchId)) {
                    before = restore(before, changes);
                    wasInactive |= changes.containsKey("active") && "false".equals(changes.get("active").oldValue());
                }
                UserAccount back = users.update(actor, reason, account.id(), account.version(), before);
                if (wasInactive) {
                    users.delete(actor, reason, back.id(), back.version());
                }
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    private static UserDraft restore(UserDraft d, Map<String, FieldChange> changes) {
        return new UserDraft(
                BatchChanges.old(changes, "username", d.username()),
                BatchChanges.old(changes, "displayName", d.displayName()),
                changes.containsKey("role") ? Role.valueOf(changes.get("role").oldValue()) : d.role(),
                BatchChanges.oldId(changes, "orgUnitId", d.orgUnitId()),
                BatchChanges.oldId(changes, "managerId", d.managerId()),
                BatchChanges.old(changes, "email", d.email()),
                BatchChanges.old(changes, "mobile", d.mobile()),
                day(changes, "joinedOn", d.joinedOn()), day(changes, "leftOn", d.leftOn()));
    }

    private static LocalDate day(Map<String, FieldChange> changes, String field, LocalDate current) {
        String old = BatchChanges.old(changes, field, current == null ? null : current.toString());
        return old == null ? null : LocalDate.parse(old);
    }
}
