package io.salesdesk.sync;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Configuration;

/**
 * Writes rows as sync decided them, through the customer and contact repositories, so versions
 * move on and the audit trail records each change (with a SYNC reason, which never travels back).
 * A deleted row stays deleted: a delete wins over edits (docs/decisions.md).
 */
final class RowWriter {

    private final CustomerRepository customers;
    private final ContactRepository contacts;

    RowWriter(Configuration configuration, Clock clock) {
        this.customers = CustomerRepository.using(configuration, clock, UnaryOperator.identity());
        this.contacts = ContactRepository.using(configuration, clock);
    }

    /**
     * Makes the row hold {@code target}'s fields and deletion.
     *
     * @param current the row as this side holds it, null if it does not
     * @return false if the row could not be written because its customer is missing here
     */
    boolean write(Actor actor, ChangeReason reason, RowState current, SyncedEntity entity, UUID id,
                  Map<String, String> target, boolean deleted) {
        if (current == null) {
            if (deleted) {
                return true;
            }
            return insert(actor, reason, entity, id, target);
        }
        if (current.deleted()) {
            return true;
        }
        long version = current.version();
        if (!sameFields(entity, current.fields(), target)) {
            version = entity == SyncedEntity.CUSTOMER
                    ? updateCustomer(actor, reason, id, version, current.fields(), target)
                    : contacts.update(actor, reason, id, version, contactDraft(target)).version();
        }
        if (deleted) {
            if (entity == SyncedEntity.CUSTOMER) {
                customers.delete(actor, reason, id, version);
            } else {
                contacts.delete(actor, reason, id, version);
            }
        }
        return true;
    }

    private boolean insert(Actor actor, ChangeReason reason, SyncedEntity entity, UUID id, Map<String, String> target) {
        if (entity == SyncedEntity.CUSTOMER) {
            CustomerDraft draft = customerDraft(target);
            customers.insertAll(actor, reason, List.of(new CustomerRepository.NewCustomer(id, draft,
                    CompanyName.normalise(draft.name()), time(target.get("lastFollowUpAt")),
                    date(target.get("nextFollowUpOn")), null)));
            return true;
        }
        UUID customerId = uuid(target.get("customerId"));
        if (customers.findLiveByIds(List.of(customerId)).isEmpty()) {
            return false;
        }
        contacts.insertAll(actor, reason, List.of(new ContactRepository.NewContact(id, customerId, contactDraft(target))));
        return true;
    }

    private long updateCustomer(Actor actor, ChangeReason reason, UUID id, long version, Map<String, String> current,
                                Map<String, String> target) {
        CustomerDraft draft = customerDraft(target);
        long next = customers.update(actor, reason, id, version, draft, CompanyName.normalise(draft.name())).version();
        if (!Objects.equals(current.get("lastFollowUpAt"), target.get("lastFollowUpAt"))
                || !Objects.equals(current.get("nextFollowUpOn"), target.get("nextFollowUpOn"))) {
            next = customers.restoreFollowUp(actor, reason, id, next, time(target.get("lastFollowUpAt")),
                    date(target.get("nextFollowUpOn"))).version();
        }
        return next;
    }

    private static boolean sameFields(SyncedEntity entity, Map<String, String> a, Map<String, String> b) {
        for (String field : entity.fields()) {
            if (!Objects.equals(a.get(field), b.get(field))) {
                return false;
            }
        }
        return true;
    }

    private static CustomerDraft customerDraft(Map<String, String> f) {
        return new CustomerDraft(f.get("name"), f.get("creditCode"), Tier.valueOf(f.get("tier")), f.get("industry"),
                f.get("regionCode"), f.get("address"), f.get("phone"), uuid(f.get("ownerId")));
    }

    private static ContactDraft contactDraft(Map<String, String> f) {
        return new ContactDraft(f.get("name"), f.get("title"), f.get("mobile"), f.get("phone"), f.get("email"),
                f.get("wechat"), Boolean.parseBoolean(f.get("primary")), f.get("notes"));
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }

    private static OffsetDateTime time(String text) {
        return text == null ? null : OffsetDateTime.parse(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
