package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.MatchText;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.Contact;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.CustomerReference;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one converted follow-up row into an {@link ActivityPlan}: its customer, 跟进方式 as an
 * {@link ActivityKind} (blank is a note), the time in Beijing time, who followed up (by name or
 * login; blank is the customer's owner, else the importer) and the contact met, by name among the
 * customer's contacts.
 */
final class ActivityRowReader {

    /** 跟进方式 names no kind; argument 1 is the text. */
    static final String UNKNOWN_KIND = "ledger.import.unknownActivityKind";
    /** The customer has no contact of that name; argument 1 is the name. */
    static final String UNKNOWN_CONTACT = "ledger.import.unknownContact";

    // Ledger times carry no zone: they are Beijing time.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RowCells cells;
    private final CustomerFinder customers;
    private final OwnerResolver owners;
    private final Actor actor;

    ActivityRowReader(ColumnMapping mapping, CustomerFinder customers, OwnerResolver owners, Actor actor) {
        this.cells = new RowCells(mapping);
        this.customers = customers;
        this.owners = owners;
        this.actor = actor;
    }

    void read(ImportRow row) {
        ActivityPlan plan = new ActivityPlan();
        plan.exportedId = cells.id(row, CustomerLedger.ID);
        CustomerFinder.Match match = customers.find(cells.id(row, CustomerReference.ID),
                RowCells.text(row, CustomerReference.CREDIT_CODE), RowCells.text(row, CustomerReference.NAME));
        if (match.problemKey() != null) {
            cells.problem(row, match.field(), match.text(), match.problemKey(), match.text());
        } else {
            plan.customerId = match.customer().id();
            plan.customerOwnerId = match.customer().ownerId();
        }
        String kindText = RowCells.text(row, "kind");
        ActivityKind kind = kindText == null ? ActivityKind.NOTE : ActivityKinds.of(kindText);
        if (kind == null) {
            cells.problem(row, "kind", kindText, UNKNOWN_KIND, kindText);
        }
        OffsetDateTime at = row.values().get("occurredAt") instanceof LocalDateTime time
                ? time.atZone(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                : null;
        String note = RowCells.text(row, "note");
        String outcome = RowCells.text(row, "outcome");
        String nextStep = RowCells.text(row, "nextStep");
        cells.checkLength(row, "note", note, 4000);
        cells.checkLength(row, "outcome", outcome, 200);
        cells.checkLength(row, "nextStep", nextStep, 500);
        Integer minutes = row.values().get("durationMinutes") instanceof Long m && m >= 0 && m <= Integer.MAX_VALUE
                ? m.intValue() : null;
        LocalDate next = row.values().get("nextFollowUpOn") instanceof LocalDate day ? day : null;
        plan.ownerId = owner(row, plan.customerOwnerId);
        plan.contactName = RowCells.text(row, "contact");
        plan.draft = new ActivityDraft(kind, at, null, minutes, note, outcome, nextStep, next);
        row.plan(plan);
    }

    /** Links each row to the contact it names, among the contacts of its customer. */
    void resolveContacts(List<ImportRow> rows, List<Contact> contactsOfCustomers) {
        Map<String, UUID> byName = new HashMap<>();
        for (Contact c : contactsOfCustomers) {
            byName.putIfAbsent(c.customerId() + "|" + name(c.name()), c.id());
        }
        for (ImportRow row : rows) {
            ActivityPlan plan = (ActivityPlan) row.plan();
            if (plan.contactName == null || plan.customerId == null) {
                continue;
            }
            UUID contactId = byName.get(plan.customerId + "|" + name(plan.contactName));
            if (contactId == null) {
                cells.problem(row, "contact", plan.contactName, UNKNOWN_CONTACT, plan.contactName);
                continue;
            }
            ActivityDraft d = plan.draft;
            plan.draft = new ActivityDraft(d.kind(), d.occurredAt(), contactId, d.durationMinutes(), d.note(),
                    d.outcome(), d.nextStep(), d.nextFollowUpOn());
        }
    }

    private UUID owner(ImportRow row, UUID customerOwnerId) {
        String text = RowCells.text(row, "owner");
        if (text == null) {
            return customerOwnerId != null ? customerOwnerId : actor.userId();
        }
        OwnerResolver.Match match = owners.resolve(text);
        if (match.problemKey() != null) {
            cells.problem(row, "owner", text, match.problemKey(), text);
        }
        return match.ownerId();
    }

    private static String name(String text) {
        return MatchText.key(text);
    }
}
