package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Contact;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Takes an import batch of contacts back: created contacts are soft-deleted, updated ones (and
 * those that lost the main-contact flag) get the values the audit trail recorded before the batch.
 * A contact whose version is no longer the one the batch left is left alone and listed.
 */
final class ContactImportUndo {

    private final ContactRepository contacts;
    private final ChangeLog changeLog;

    ContactImportUndo(ContactRepository contacts, ChangeLog changeLog) {
        this.contacts = contacts;
        this.changeLog = changeLog;
    }

    UndoResult undo(Actor actor, ChangeReason reason, String batchId, List<WrittenRow> written) {
        Map<UUID, Contact> current = contacts.findLiveByIds(written.stream().map(WrittenRow::entityId).toList())
                .stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        int removed = 0;
        int restored = 0;
        List<UndoResult.Conflict> conflicts = new ArrayList<>();
        for (WrittenRow row : written) {
            Contact contact = current.get(row.entityId());
            if (contact == null || contact.version() != row.versionAfter()) {
                conflicts.add(new UndoResult.Conflict(row.entityId(), contact == null ? null : contact.name(),
                        row.rowNumber()));
            } else if (row.action() == RowAction.CREATE) {
                contacts.delete(actor, reason, contact.id(), contact.version());
                removed++;
            } else {
                ContactDraft before = contact.toDraft();
                for (Map<String, FieldChange> changes : BatchChanges.updates(changeLog, contact.id(), batchId)) {
                    before = restore(before, changes);
                }
                contacts.update(actor, reason, contact.id(), contact.version(), before);
                restored++;
            }
        }
        return new UndoResult(UUID.fromString(batchId), removed, restored, conflicts);
    }

    private static ContactDraft restore(ContactDraft d, Map<String, FieldChange> changes) {
        return new ContactDraft(
                BatchChanges.old(changes, "name", d.name()),
                BatchChanges.old(changes, "title", d.title()),
                BatchChanges.old(changes, "mobile", d.mobile()),
                BatchChanges.old(changes, "phone", d.phone()),
                BatchChanges.old(changes, "email", d.email()),
                BatchChanges.old(changes, "wechat", d.wechat()),
                changes.containsKey("primary") ? Boolean.parseBoolean(changes.get("primary").oldValue()) : d.primary(),
                BatchChanges.old(changes, "notes", d.notes()));
    }
}
