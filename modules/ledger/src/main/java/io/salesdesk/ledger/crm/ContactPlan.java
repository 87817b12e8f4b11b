package io.salesdesk.ledger.crm;

import io.salesdesk.crm.ContactDraft;
import io.salesdesk.ledger.imports.MatchKind;
import java.util.Set;
import java.util.UUID;

/**
 * What one contact row will write: its customer, the values it gives and, when it duplicates an
 * existing contact, that contact with the row's values written over it.
 */
final class ContactPlan {

    UUID customerId;
    /** Only the values the row gives; {@code primary} is null when the row does not say. */
    Given given;
    /** The row's id and version columns (an exported ledger), or {@code null}. */
    UUID exportedId;
    Long exportedVersion;
    Set<String> blankColumns = Set.of();
    /** The existing contact with the row's values over it, when the row matches one. */
    ContactDraft updateDraft;
    UUID targetId;
    long expectedVersion;
    /** What commit writes: the create draft, the update draft, or either with later duplicates merged in. */
    ContactDraft writeDraft;
    UUID newId;

    /**
     * The contact fields a row gives; null where the row is blank.
     */
    record Given(String name, String title, String mobile, String phone, String email, String wechat,
            Boolean primary, String notes) {

        /** A new contact: not the primary one unless the row says so. */
        ContactDraft asNew() {
            return new ContactDraft(name, title, mobile, phone, email, wechat, Boolean.TRUE.equals(primary), notes);
        }

        /**
         * The values a duplicate writes over the contact it matches: a name that only matched once
         * spacing and width were normalised ("王 护士") does not replace the name as written.
         */
        Given forMatch(MatchKind kind) {
            return kind != MatchKind.NAME ? this : new Given(null, title, mobile, phone, email, wechat, primary, notes);
        }

        /** The draft with every value the row gives written over {@code base}. */
        ContactDraft over(ContactDraft base) {
            return new ContactDraft(name != null ? name : base.name(), title != null ? title : base.title(),
                    mobile != null ? mobile : base.mobile(), phone != null ? phone : base.phone(),
                    email != null ? email : base.email(), wechat != null ? wechat : base.wechat(),
                    primary != null ? primary : base.primary(), notes != null ? notes : base.notes());
        }
    }

    /** The draft with the fields cleared whose cells were emptied in an exported ledger; the name stays. */
    static ContactDraft cleared(ContactDraft d, Set<String> blank) {
        return new ContactDraft(d.name(), blank.contains("title") ? null : d.title(),
                blank.contains("mobile") ? null : d.mobile(), blank.contains("phone") ? null : d.phone(),
                blank.contains("email") ? null : d.email(), blank.contains("wechat") ? null : d.wechat(),
                d.primary(), blank.contains("notes") ? null : d.notes());
    }

    /** The draft with the primary flag set or cleared. */
    static ContactDraft withPrimary(ContactDraft d, boolean primary) {
        return new ContactDraft(d.name(), d.title(), d.mobile(), d.phone(), d.email(), d.wechat(), primary, d.notes());
    }
}
