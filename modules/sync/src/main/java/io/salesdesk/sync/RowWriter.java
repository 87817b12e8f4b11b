package io.salesdesk.sync;

import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskChecklistItemRepository;
import io.salesdesk.board.task.TaskCommentRepository;
import io.salesdesk.board.task.TaskFields;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskRepository;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.commerce.quote.Quote;
import io.salesdesk.commerce.quote.QuoteLinesText;
import io.salesdesk.commerce.quote.QuoteRepository;
import io.salesdesk.commerce.quote.QuoteStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ActivityRepository;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.ContactRepository;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.merge.CustomerReferences;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadFields;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a page of rows as sync decided them, through the customer and contact repositories, so
 * versions move on and the audit trail records each change (with a SYNC reason, which never travels
 * back). A page is written with a few batches rather than row by row: one row at a time, each
 * audit entry updated the chain head again and a page of 1,000 rows cost seconds. A deleted row
 * stays deleted: a delete wins over edits (docs/decisions.md).
 *
 * <p>Writes are queued with {@link #queue} in the order sync decided them and written by
 * {@link #flush}: customers before contacts (a new contact needs its customer), new rows, then
 * edits, then deletes, which is the order the decisions were made in for any one row.
 */
final class RowWriter {

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final OpportunityRepository deals;
    private final ActivityRepository activities;
    private final LeadRepository leads;
    private final TaskRepository tasks;
    private final QuoteRepository quotes;
    private final TaskChecklistItemRepository checklist;
    private final TaskCommentRepository comments;
    private final RowStateRepository rows;
    private final CustomValues customValues;
    private final Configuration configuration;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(RowWriter.class);
    private final List<Write> queued = new ArrayList<>();
    private final List<Refused> refused = new ArrayList<>();

    RowWriter(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.customers = CustomerRepository.using(configuration, clock, UnaryOperator.identity());
        this.contacts = ContactRepository.using(configuration, clock);
        this.deals = OpportunityRepository.using(configuration, clock);
        this.activities = ActivityRepository.using(configuration, clock);
        this.leads = LeadRepository.using(configuration, clock);
        this.tasks = TaskRepository.using(configuration, clock);
        this.quotes = QuoteRepository.using(configuration, clock);
        this.checklist = TaskChecklistItemRepository.using(configuration, clock);
        this.comments = TaskCommentRepository.using(configuration, clock);
        this.rows = RowStateRepository.using(configuration);
        this.customValues = new CustomValues(configuration, clock);
    }

    /**
     * A custom value this side would not take: its field is not in use here, or the field refuses
     * the value (its choices changed meanwhile). The row keeps the value it had.
     */
    record Refused(Write write, String field, String value) {
    }

    /** The custom values refused by the flushes so far. */
    List<Refused> refused() {
        return List.copyOf(refused);
    }

    /**
     * One row as sync decided it.
     *
     * @param actor   who made the change, null for sync itself
     * @param reason  the SYNC reason
     * @param current the row as this side held it before this write (after earlier writes of the
     *                page), null if it did not
     * @param entity  customer or contact
     * @param id      row id
     * @param target  the fields the row is to hold
     * @param deleted whether the row is to be deleted
     */
    record Write(Actor actor, ChangeReason reason, RowState current, SyncedEntity entity, UUID id,
                 Map<String, String> target, boolean deleted) {
    }

    /**
     * Queues a write; returns the row as it will be after it (for a later change of the same row in
     * the page), or null if the row will not exist.
     */
    RowState queue(Write write) {
        RowState current = write.current();
        if (current == null && write.deleted()) {
            return null;
        }
        if (current != null && current.deleted()) {
            return current;
        }
        queued.add(write);
        long version = current == null ? 1 : current.version();
        if (current != null && !sameFields(write.entity(), current.fields(), write.target())) {
            version++;
        }
        return new RowState(write.entity(), write.id(), write.deleted(), write.target(),
                write.deleted() ? version + 1 : version);
    }

    /**
     * Writes what was queued and empties the queue.
     *
     * @return the writes that could not be made: new contacts whose customer is missing or deleted here
     */
    Set<Write> flush() {
        Set<Write> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Write> writes = List.copyOf(queued);
        queued.clear();
        if (writes.isEmpty()) {
            return failed;
        }
        // The version each row had before the page; a row new in this page starts at 1.
        Map<UUID, Long> startVersion = new HashMap<>();
        writes.forEach(w -> startVersion.putIfAbsent(w.id(), w.current() == null ? 1L : w.current().version()));
        List<CustomerRepository.Insert> newCustomers = new ArrayList<>();
        List<CustomerRepository.Edit> customerEdits = new ArrayList<>();
        Set<UUID> customersDeletedSoFar = new HashSet<>();
        Set<UUID> newContactCustomers = new HashSet<>();
        for (Write w : writes) {
            if (w.entity() == SyncedEntity.CUSTOMER) {
                if (w.current() == null) {
                    CustomerDraft draft = customerDraft(w.target());
                    newCustomers.add(new CustomerRepository.Insert(w.actor(), w.reason(),
                            new CustomerRepository.NewCustomer(w.id(), draft, CompanyName.normalise(draft.name()),
                                    time(w.target().get("lastFollowUpAt")), date(w.target().get("nextFollowUpOn")),
                                    null)));
                } else if (!sameFields(w.entity(), w.current().fields(), w.target())) {
                    CustomerDraft draft = customerDraft(w.target());
                    customerEdits.add(new CustomerRepository.Edit(w.actor(), w.reason(), w.id(), w.current().version(),
                            draft, CompanyName.normalise(draft.name()), time(w.target().get("lastFollowUpAt")),
                            date(w.target().get("nextFollowUpOn"))));
                }
                if (w.deleted()) {
                    customersDeletedSoFar.add(w.id());
                }
            } else if (w.entity() == SyncedEntity.CONTACT && w.current() == null) {
                UUID customerId = uuid(w.target().get("customerId"));
                if (customersDeletedSoFar.contains(customerId)) {
                    failed.add(w);
                } else {
                    newContactCustomers.add(customerId);
                }
            }
        }
        customers.insertEach(newCustomers);
        Map<UUID, Long> versions = new HashMap<>(customers.updateAll(customerEdits));
        Set<UUID> live = new HashSet<>();
        customers.findLiveByIds(newContactCustomers).forEach(c -> live.add(c.id()));
        // Contacts, once their customers are written; a contact that could not be added takes its
        // later changes in the page with it.
        List<ContactRepository.Insert> newContacts = new ArrayList<>();
        List<ContactRepository.Edit> contactEdits = new ArrayList<>();
        Set<UUID> missing = new HashSet<>();
        List<Write> deletes = new ArrayList<>();
        for (Write w : writes) {
            if (w.entity() == SyncedEntity.CONTACT) {
                if (failed.contains(w) || missing.contains(w.id())) {
                    failed.add(w);
                    missing.add(w.id());
                    continue;
                }
                if (w.current() == null) {
                    UUID customerId = uuid(w.target().get("customerId"));
                    if (!live.contains(customerId)) {
                        failed.add(w);
                        missing.add(w.id());
                        continue;
                    }
                    newContacts.add(new ContactRepository.Insert(w.actor(), w.reason(),
                            new ContactRepository.NewContact(w.id(), customerId, contactDraft(w.target()))));
                } else if (!sameFields(w.entity(), w.current().fields(), w.target())) {
                    contactEdits.add(new ContactRepository.Edit(w.actor(), w.reason(), w.id(), w.current().version(),
                            contactDraft(w.target())));
                }
            }
            if (w.deleted() && (w.entity() == SyncedEntity.CUSTOMER || w.entity() == SyncedEntity.CONTACT)) {
                deletes.add(w);
            }
        }
        contacts.insertEach(newContacts);
        versions.putAll(contacts.updateAll(contactEdits));
        writeDeals(writes, failed, versions);
        writeActivities(writes, failed);
        writeLeads(writes, failed);
        writeTasks(writes, failed);
        writeChecklistItems(writes, failed);
        writeTaskComments(writes, failed);
        writeQuotes(writes, failed);
        writeCustomValues(writes, failed);
        // Contacts' deletes before customers', as a user deletes them; deletes are rare, one by one.
        for (SyncedEntity entity : List.of(SyncedEntity.CONTACT, SyncedEntity.CUSTOMER)) {
            for (Write w : deletes) {
                if (w.entity() != entity) {
                    continue;
                }
                long version = versions.getOrDefault(w.id(), startVersion.get(w.id()));
                if (entity == SyncedEntity.CUSTOMER) {
                    deleteCustomer(w, version);
                } else {
                    contacts.delete(w.actor(), w.reason(), w.id(), version);
                }
            }
        }
        return failed;
    }

    /**
     * Deletes a customer; one the other side merged into a survivor this side has is merged here too
     * (its rows move to the survivor, with this write's reason), so both sides end alike. Without
     * the survivor here (it is outside this replica's subtree) the customer is only deleted.
     */
    private void deleteCustomer(Write w, long version) {
        String into = w.target().get(RowStateRepository.MERGED_INTO);
        UUID survivor = into == null ? null : UUID.fromString(into);
        if (survivor == null || customers.findAny(survivor).isEmpty()) {
            customers.delete(w.actor(), w.reason(), w.id(), version);
            return;
        }
        for (CustomerReferences mover : CustomerMergeService.registered()) {
            mover.move(configuration, clock, w.actor(), w.reason(), w.id(), survivor);
        }
        customers.markMerged(w.actor(), w.reason(), w.id(), version, survivor);
    }

    /**
     * Deals one by one, through the repository that keeps the KPI roll-ups and first wins in step
     * with them; there are far fewer deals than customers. A new deal whose customer is missing or
     * deleted here fails, and its later changes in the page with it.
     */
    private void writeDeals(List<Write> writes, Set<Write> failed, Map<UUID, Long> versions) {
        List<Write> ofDeals = writes.stream().filter(w -> w.entity() == SyncedEntity.DEAL).toList();
        if (ofDeals.isEmpty()) {
            return;
        }
        Set<UUID> live = new HashSet<>();
        customers.findLiveByIds(ofDeals.stream().filter(w -> w.current() == null)
                .map(w -> uuid(w.target().get("customerId"))).toList()).forEach(c -> live.add(c.id()));
        Map<String, Boolean> closing = new HashMap<>();
        deals.stages().forEach(s -> closing.put(s.code(), s.outcome() != OpportunityStage.Outcome.OPEN));
        Set<UUID> missing = new HashSet<>();
        for (Write w : ofDeals) {
            if (missing.contains(w.id())) {
                failed.add(w);
                continue;
            }
            Map<String, String> f = w.target();
            OpportunityDraft draft = new OpportunityDraft(uuid(f.get("customerId")), f.get("name"), uuid(f.get("ownerId")),
                    f.get("stage"), decimal(f.get("amount")), date(f.get("expectedCloseOn")), integer(f.get("probability")),
                    f.get("products"), f.get("closeReason"));
            int probability = draft.probability() == null ? 0 : draft.probability();
            if (w.current() == null) {
                if (!live.contains(draft.customerId())) {
                    failed.add(w);
                    missing.add(w.id());
                    continue;
                }
                deals.insertAll(w.actor(), w.reason(), List.of(new OpportunityRepository.NewOpportunity(w.id(), draft,
                        probability, f.get("boardRank"), null)));
                versions.put(w.id(), 1L);
            } else if (!sameFields(w.entity(), w.current().fields(), f)) {
                long version = versions.getOrDefault(w.id(), w.current().version());
                versions.put(w.id(), deals.update(w.actor(), w.reason(), w.id(), version, draft, probability,
                        closing.getOrDefault(draft.stage(), false), f.get("boardRank")).version());
            }
            if (w.deleted()) {
                deals.delete(w.actor(), w.reason(), w.id(), versions.getOrDefault(w.id(), w.current().version()));
            }
        }
    }

    /**
     * Follow-ups: new ones in batches (one per run of the same user and reason), deleted ones one by
     * one. A new follow-up whose customer or contact is missing here fails. The app never edits a
     * follow-up, so an edit is not written here.
     */
    private void writeActivities(List<Write> writes, Set<Write> failed) {
        List<Write> ofActivities = writes.stream().filter(w -> w.entity() == SyncedEntity.ACTIVITY).toList();
        if (ofActivities.isEmpty()) {
            return;
        }
        List<Write> added = ofActivities.stream().filter(w -> w.current() == null).toList();
        Set<UUID> liveCustomers = new HashSet<>();
        customers.findLiveByIds(added.stream().map(w -> uuid(w.target().get("customerId"))).toList())
                .forEach(c -> liveCustomers.add(c.id()));
        Set<UUID> liveContacts = new HashSet<>();
        contacts.findLiveByIds(added.stream().map(w -> uuid(w.target().get("contactId"))).filter(Objects::nonNull)
                .toList()).forEach(c -> liveContacts.add(c.id()));
        Set<UUID> missing = new HashSet<>();
        List<ActivityRepository.NewActivity> run = new ArrayList<>();
        Write runOwner = null;
        for (Write w : ofActivities) {
            Map<String, String> f = w.target();
            if (missing.contains(w.id())) {
                failed.add(w);
                continue;
            }
            if (w.current() == null) {
                UUID contactId = uuid(f.get("contactId"));
                if (!liveCustomers.contains(uuid(f.get("customerId")))
                        || (contactId != null && !liveContacts.contains(contactId))) {
                    failed.add(w);
                    missing.add(w.id());
                    continue;
                }
                if (runOwner != null && !(Objects.equals(runOwner.actor(), w.actor())
                        && runOwner.reason().equals(w.reason()))) {
                    activities.insertAll(runOwner.actor(), runOwner.reason(), run);
                    run = new ArrayList<>();
                }
                runOwner = w;
                run.add(new ActivityRepository.NewActivity(w.id(), uuid(f.get("customerId")), uuid(f.get("ownerId")),
                        new ActivityDraft(ActivityKind.valueOf(f.get("kind")), time(f.get("occurredAt")), contactId,
                                integer(f.get("durationMinutes")), f.get("note"), f.get("outcome"), f.get("nextStep"),
                                date(f.get("nextFollowUpOn")))));
            }
        }
        if (runOwner != null) {
            activities.insertAll(runOwner.actor(), runOwner.reason(), run);
        }
        for (Write w : ofActivities) {
            if (w.deleted() && !missing.contains(w.id())) {
                activities.delete(w.actor(), w.reason(), w.id(), w.current() == null ? 1 : w.current().version());
            }
        }
    }

    /**
     * Leads one by one, through the repository that keeps the lead KPI and day counts in step. A
     * lead naming a customer or deal this side lacks fails (a converted lead outside the subtree's
     * customers), and its later changes in the page with it.
     */
    private void writeLeads(List<Write> writes, Set<Write> failed) {
        List<Write> ofLeads = writes.stream().filter(w -> w.entity() == SyncedEntity.LEAD).toList();
        if (ofLeads.isEmpty()) {
            return;
        }
        Set<UUID> present = customersAndDealsHere(ofLeads);
        Map<UUID, Long> versions = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (Write w : ofLeads) {
            Map<String, String> f = w.target();
            UUID customerId = uuid(f.get("customerId"));
            UUID dealId = uuid(f.get("opportunityId"));
            if (missing.contains(w.id()) || absent(customerId, present) || absent(dealId, present)) {
                failed.add(w);
                missing.add(w.id());
                continue;
            }
            LeadDraft draft = new LeadDraft(f.get("name"), f.get("contactName"), f.get("phone"), f.get("address"),
                    f.get("regionCode"), f.get("industry"), f.get("tier") == null ? null : Tier.valueOf(f.get("tier")),
                    f.get("source"), f.get("note"));
            LeadStatus status = LeadStatus.valueOf(f.get("status"));
            UUID ownerId = uuid(f.get("ownerId"));
            Lead.AssignmentFlag flag = f.get("assignmentFlag") == null ? null
                    : Lead.AssignmentFlag.valueOf(f.get("assignmentFlag"));
            boolean write = w.current() != null && !sameFields(w.entity(), w.current().fields(), f);
            if (w.current() == null) {
                leads.insertAll(w.actor(), w.reason(), List.of(new LeadRepository.NewLead(w.id(), draft, status, ownerId,
                        null, f.get("assignmentReason"), flag, f.get("boardRank"), null)));
                versions.put(w.id(), 1L);
                // A new lead is inserted without its response, disqualification and conversion.
                write = f.get("firstResponseAt") != null || f.get("disqualifyReason") != null || customerId != null
                        || dealId != null;
            }
            if (write) {
                long version = versions.getOrDefault(w.id(), w.current() == null ? 1L : w.current().version());
                versions.put(w.id(), leads.update(w.actor(), w.reason(), w.id(), version, old -> new LeadFields(draft,
                        status, ownerId, old.assignedAt(), f.get("assignmentReason"), flag, time(f.get("firstResponseAt")),
                        old.responseMinutes(), f.get("disqualifyReason"), customerId, dealId, old.closedAt(),
                        f.get("boardRank"))).version());
            }
            if (w.deleted()) {
                leads.delete(w.actor(), w.reason(), w.id(),
                        versions.getOrDefault(w.id(), w.current() == null ? 1L : w.current().version()));
            }
        }
    }

    /** The customers and deals named by these writes that this side holds. */
    private Set<UUID> customersAndDealsHere(List<Write> writes) {
        Set<UUID> present = new HashSet<>();
        rows.read(SyncedEntity.CUSTOMER, writes.stream().map(w -> uuid(w.target().get("customerId")))
                .filter(Objects::nonNull).toList(), null).forEach(r -> present.add(r.id()));
        rows.read(SyncedEntity.DEAL, writes.stream().map(w -> uuid(w.target().get("opportunityId")))
                .filter(Objects::nonNull).toList(), null).forEach(r -> present.add(r.id()));
        return present;
    }

    private static boolean absent(UUID named, Set<UUID> present) {
        return named != null && !present.contains(named);
    }

    /**
     * Tasks one by one, through their repository (few per page, like deals). A task naming a customer
     * or deal this side lacks fails (its assignee is in the subtree, the customer's owner is not),
     * and its later changes in the page with it. The reminder time is this side's own: kept, unless
     * the due time moved, which earns a new reminder as an edit in the app does.
     */
    private void writeTasks(List<Write> writes, Set<Write> failed) {
        List<Write> ofTasks = writes.stream().filter(w -> w.entity() == SyncedEntity.TASK).toList();
        if (ofTasks.isEmpty()) {
            return;
        }
        Set<UUID> present = customersAndDealsHere(ofTasks);
        Map<UUID, Long> versions = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (Write w : ofTasks) {
            Map<String, String> f = w.target();
            UUID customerId = uuid(f.get("customerId"));
            UUID dealId = uuid(f.get("opportunityId"));
            if (missing.contains(w.id()) || absent(customerId, present) || absent(dealId, present)) {
                failed.add(w);
                missing.add(w.id());
                continue;
            }
            OffsetDateTime dueAt = time(f.get("dueAt"));
            if (w.current() == null) {
                tasks.insert(w.actor(), w.reason(), w.id(), taskFields(f, dueAt, null));
                versions.put(w.id(), 1L);
            } else if (!sameFields(w.entity(), w.current().fields(), f)) {
                long version = versions.getOrDefault(w.id(), w.current().version());
                Task now = tasks.findAny(w.id()).orElseThrow();
                boolean dueMoved = dueAt == null ? now.dueAt() != null : now.dueAt() == null || !dueAt.isEqual(now.dueAt());
                versions.put(w.id(), tasks.update(w.actor(), w.reason(), w.id(), version,
                        taskFields(f, dueAt, dueMoved ? null : now.remindedAt())).version());
            }
            if (w.deleted()) {
                tasks.delete(w.actor(), w.reason(), w.id(),
                        versions.getOrDefault(w.id(), w.current() == null ? 1L : w.current().version()));
            }
        }
    }

    /**
     * Quotes one by one, header and lines in one write, the lines priced again here from the
     * catalogue (totals, largest discount and approval need follow from them, never merged). A
     * quote naming a customer or deal this side lacks, or a product its catalogue lacks, fails, and
     * its later changes in the page with it. The app never deletes a quote, so no delete is written.
     */
    private void writeQuotes(List<Write> writes, Set<Write> failed) {
        List<Write> ofQuotes = writes.stream().filter(w -> w.entity() == SyncedEntity.QUOTE).toList();
        if (ofQuotes.isEmpty()) {
            return;
        }
        Set<UUID> present = customersAndDealsHere(ofQuotes);
        Map<UUID, Long> versions = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (Write w : ofQuotes) {
            Map<String, String> f = w.target();
            UUID customerId = uuid(f.get("customerId"));
            if (missing.contains(w.id()) || customerId == null || absent(customerId, present)
                    || absent(uuid(f.get("opportunityId")), present)) {
                failed.add(w);
                missing.add(w.id());
                continue;
            }
            if (w.current() != null && sameFields(w.entity(), w.current().fields(), f)) {
                continue;
            }
            long version = versions.getOrDefault(w.id(), w.current() == null ? 0L : w.current().version());
            Quote header = new Quote(w.id(),
                    f.get("quoteNo"), uuid(f.get("opportunityId")), customerId, uuid(f.get("ownerId")),
                    QuoteStatus.valueOf(f.get("status")), date(f.get("validUntil")),
                    null, null, null, null, false, f.get("note"), time(f.get("sentAt")), List.of(), version);
            Quote q;
            try {
                q = QuoteLinesText.withLines(configuration, clock, header, f.get("lines"));
            } catch (IllegalArgumentException e) {
                LOG.warn("Quote {} not written: {}", f.get("quoteNo"), e.getMessage());
                failed.add(w);
                missing.add(w.id());
                continue;
            }
            if (w.current() == null) {
                quotes.insert(w.actor(), w.reason(), q);
                versions.put(w.id(), 1L);
            } else {
                versions.put(w.id(), quotes.update(w.actor(), w.reason(), q).version());
            }
        }
    }

    /**
     * Checklist items one by one, once their tasks are written: new ones, and ticks (the app
     * changes nothing else of an item, so nothing else is written). A new item whose task this side
     * lacks fails, and its later changes in the page with it.
     */
    private void writeChecklistItems(List<Write> writes, Set<Write> failed) {
        List<Write> items = writes.stream().filter(w -> w.entity() == SyncedEntity.CHECKLIST_ITEM).toList();
        if (items.isEmpty()) {
            return;
        }
        Set<UUID> present = new HashSet<>();
        rows.read(SyncedEntity.TASK, items.stream().filter(w -> w.current() == null)
                .map(w -> uuid(w.target().get("taskId"))).toList(), null).forEach(r -> present.add(r.id()));
        Map<UUID, Long> versions = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (Write w : items) {
            Map<String, String> f = w.target();
            boolean done = Boolean.parseBoolean(f.get("done"));
            if (missing.contains(w.id())) {
                failed.add(w);
            } else if (w.current() == null) {
                if (!present.contains(uuid(f.get("taskId")))) {
                    failed.add(w);
                    missing.add(w.id());
                    continue;
                }
                checklist.insert(w.actor(), w.reason(), w.id(), uuid(f.get("taskId")), integer(f.get("order")),
                        f.get("label"), done);
                versions.put(w.id(), 1L);
            } else if (!Objects.equals(w.current().get("done"), f.get("done")) && !w.deleted()) {
                long version = versions.getOrDefault(w.id(), w.current().version());
                versions.put(w.id(), checklist.setDone(w.actor(), w.reason(), w.id(), version, done).version());
            }
        }
    }

    /**
     * New task comments, once their tasks are written; the app never edits or deletes one, so
     * nothing else is written. A comment whose task this side lacks fails.
     */
    private void writeTaskComments(List<Write> writes, Set<Write> failed) {
        List<Write> added = writes.stream().filter(w -> w.entity() == SyncedEntity.TASK_COMMENT && w.current() == null)
                .toList();
        if (added.isEmpty()) {
            return;
        }
        Set<UUID> present = new HashSet<>();
        rows.read(SyncedEntity.TASK, added.stream().map(w -> uuid(w.target().get("taskId"))).toList(), null)
                .forEach(r -> present.add(r.id()));
        for (Write w : added) {
            Map<String, String> f = w.target();
            if (!present.contains(uuid(f.get("taskId")))) {
                failed.add(w);
                continue;
            }
            comments.insert(w.actor(), w.reason(), w.id(), uuid(f.get("taskId")), uuid(f.get("authorId")), f.get("body"));
        }
    }

    private static TaskFields taskFields(Map<String, String> f, OffsetDateTime dueAt, OffsetDateTime remindedAt) {
        return new TaskFields(f.get("title"), f.get("description"), uuid(f.get("assigneeId")),
                TaskStatus.valueOf(f.get("status")), TaskPriority.valueOf(f.get("priority")), dueAt,
                uuid(f.get("customerId")), uuid(f.get("opportunityId")), remindedAt, time(f.get("completedAt")),
                f.get("rank"));
    }

    /**
     * Custom values, once their rows exist: per write, the "custom.KEY" fields whose value differs
     * from the row's before it, in one change record on the row's history (as the app records them).
     */
    private void writeCustomValues(List<Write> writes, Set<Write> failed) {
        for (Write w : writes) {
            if (failed.contains(w)) {
                continue;
            }
            Map<String, String> changed = new java.util.LinkedHashMap<>();
            w.target().forEach((field, value) -> {
                if (field.startsWith(SyncedEntity.CUSTOM)
                        && !Objects.equals(value, w.current() == null ? null : w.current().get(field))) {
                    changed.put(field, value);
                }
            });
            if (!changed.isEmpty()) {
                customValues.write(w.actor(), w.reason(), w.entity(), w.id(), changed)
                        .forEach(field -> refused.add(new Refused(w, field, changed.get(field))));
            }
        }
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

    private static java.math.BigDecimal decimal(String text) {
        return text == null ? null : new java.math.BigDecimal(text);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
