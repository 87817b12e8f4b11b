package io.salesdesk.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.crm.approval.ProposedChange;
import io.salesdesk.crm.approval.SubmittedForApproval;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.core.Role;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers, their contacts and follow-ups: what the Customers page and My Day ask for.
 * Each call is one transaction; visibility is applied to every read and write.
 */
public final class CustomerService {

    /** Most follow-ups the detail pane loads at once. */
    public static final int TIMELINE_LIMIT = 500;
    /** Most rows My Day lists. */
    public static final int DUE_LIMIT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final ChangeApproval approvals;
    /** Customers an approval changed in another transaction: the in-memory list reads them again. */
    private final Set<UUID> changedByApproval = ConcurrentHashMap.newKeySet();
    /** The in-memory list on the embedded database (single writer); null on shared databases. */
    private final CustomerListCache listCache;
    private final CustomerListSnapshot listSnapshot;
    private boolean listLoaded;
    /** Custom-field filters' and sorts' reads for the in-memory list, the last few, valid at {@link #customReadsStamp}. */
    private final Map<Object, Object> customReads = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > 8;
        }
    };
    private ChangeLog.Head customReadsStamp;
    /** The audit chain head the in-memory list is known to match. */
    private ChangeLog.Head listStamp;

    /** Customers whose transfers to another owner apply at once. */
    public CustomerService(Database db, Clock clock, RegionService regions) {
        this(db, clock, regions, ChangeApproval.NONE);
    }

    /**
     * Customers whose transfers to another owner go through {@code approvals} first (entity
     * {@value ChangeApproval#CUSTOMER}, action {@value ChangeApproval#TRANSFER}).
     */
    public CustomerService(Database db, Clock clock, RegionService regions, ChangeApproval approvals) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        approvals.whenApproved(ChangeApproval.CUSTOMER, this::applyTransfer);
        boolean embedded = db.config().mode() == DatabaseConfig.Mode.EMBEDDED;
        this.listCache = embedded ? new CustomerListCache() : null;
        // An encrypted workspace keeps no plain copy of its customers beside the database.
        this.listSnapshot = embedded && db.config().cryptKey() == null
                ? new CustomerListSnapshot(db.config().dataDir()) : null;
    }

    /**
     * Saves the in-memory list so the next start reads it from a file instead of scanning the
     * customer table; the app calls it when it closes.
     */
    public synchronized void saveListSnapshot() {
        if (listCache != null && listLoaded && listSnapshot != null) {
            listSnapshot.save(listStamp, listCache.all());
        }
    }

    /**
     * Loads the in-memory customer list of the embedded database now rather than at the first
     * list query; the app calls it in the background while the window opens.
     */
    public void preloadList() {
        if (listCache != null) {
            ensureListLoaded();
        }
    }

    /** How many customers the viewer sees with this query. */
    public int count(Actor viewer, CustomerQuery query) {
        if (listCache != null) {
            ensureListLoaded();
            return listCache.count(visibleOwners(viewer), query, customMatch(query));
        }
        return db.transactionResult(cfg -> customers(cfg).count(viewer, query));
    }

    /** One page of the list. */
    public List<Customer> page(Actor viewer, CustomerQuery query, int offset, int limit) {
        if (listCache != null) {
            ensureListLoaded();
            return listCache.page(visibleOwners(viewer), query, offset, limit, customMatch(query));
        }
        return db.transactionResult(cfg -> customers(cfg).page(viewer, query, offset, limit));
    }

    /**
     * Every customer of the list the viewer sees with this query, in the list's order (an export).
     * The embedded database's list is already in memory; a server streams one query.
     */
    public void forEach(Actor viewer, CustomerQuery query, Consumer<Customer> action) {
        if (listCache != null) {
            // An export must not miss rows written past this service (an import): the audit head
            // tells whether anything was written since the list was read.
            ChangeLog.Head head = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).head());
            synchronized (this) {
                if (!head.equals(listStamp)) {
                    listLoaded = false;
                }
            }
            ensureListLoaded();
            listCache.count(visibleOwners(viewer), query, customMatch(query));
            listCache.page(visibleOwners(viewer), query, 0, Integer.MAX_VALUE, customMatch(query)).forEach(action);
            return;
        }
        db.transaction(cfg -> customers(cfg).forEach(viewer, query, action));
    }

    /**
     * Reloads the in-memory list after rows were written outside this service (an import, an undo);
     * every such writer must call it, or the list (and its snapshot) would miss those rows.
     */
    public void reloadList() {
        if (listCache != null) {
            synchronized (this) {
                listLoaded = false;
            }
            ensureListLoaded();
        }
    }

    private synchronized void ensureListLoaded() {
        if (listLoaded && !changedByApproval.isEmpty()) {
            // Read after the approving transaction committed (it ran before this call began).
            for (UUID id : List.copyOf(changedByApproval)) {
                changedByApproval.remove(id);
                written(id, null);
            }
        }
        if (!listLoaded) {
            ChangeLog.Head head = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).head());
            List<Customer> all = listSnapshot == null ? null : listSnapshot.load(head, regions::fullName).orElse(null);
            if (all == null) {
                // Rows and head read in one transaction, so the stamp matches the rows.
                all = db.transactionResult(cfg -> {
                    listStamp = ChangeLog.using(cfg, clock).head();
                    return customers(cfg).allLive();
                });
            } else {
                listStamp = head;
            }
            listCache.replaceAll(all);
            listLoaded = true;
        }
    }

    /**
     * Reads a query's custom-field filters and sort for the in-memory list: the customer rows are in
     * memory, custom values are not (other services write them), so they come from their indexes.
     */
    private java.util.function.Supplier<CustomMatch> customMatch(CustomerQuery query) {
        return () -> db.transactionResult(cfg -> {
            // Reading a field's values of 100,000 customers takes the embedded database a good part of a
            // second; while the audit head stands still no value changed, so earlier reads still hold.
            ChangeLog.Head head = ChangeLog.using(cfg, clock).head();
            synchronized (customReads) {
                if (!head.equals(customReadsStamp)) {
                    customReads.clear();
                    customReadsStamp = head;
                }
                return customers(cfg).customMatch(query, customReads);
            }
        });
    }

    /** Owners whose customers the viewer sees; null for everyone's. */
    private Set<UUID> visibleOwners(Actor viewer) {
        if (viewer.role().seesEverything()) {
            return null;
        }
        if (viewer.role() == Role.MANAGER) {
            return db.transactionResult(cfg -> UserRepository.using(cfg, clock).visibleTo(viewer)).stream()
                    .map(User::id).collect(Collectors.toSet());
        }
        return Set.of(viewer.userId());
    }

    /**
     * Keeps the in-memory list in step after another service wrote this customer in a committed
     * transaction (a pool claim, a lead converted); every such writer must call it.
     */
    public void refresh(UUID customerId) {
        written(customerId, null);
    }

    /** Keeps the in-memory list in step with a committed write. */
    private synchronized <T> T written(UUID customerId, T result) {
        if (listCache != null && listLoaded) {
            db.transaction(cfg -> {
                listCache.put(customerId, customers(cfg).findAny(customerId).orElse(null));
                listStamp = ChangeLog.using(cfg, clock).head();
            });
        }
        return result;
    }

    /** The customer with its contacts and timeline, if the viewer may see it. */
    public Optional<CustomerDetail> open(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> customers(cfg).find(viewer, customerId).map(customer -> {
            ActivityRepository activities = ActivityRepository.using(cfg, clock);
            return new CustomerDetail(customer, ContactRepository.using(cfg, clock).forCustomer(customerId),
                    activities.timeline(customerId, TIMELINE_LIMIT), activities.countFor(customerId));
        }));
    }

    /**
     * Creates a customer owned by {@code draft.ownerId()} (the actor when none is given).
     *
     * @throws ValidationException        listing each refused field
     * @throws DuplicateCustomerException when the same name exists
     */
    public Customer create(Actor actor, CustomerDraft draft) {
        CustomerDraft owned = draft.ownerId() != null ? draft : new CustomerDraft(draft.name(), draft.creditCode(),
                draft.tier(), draft.industry(), draft.regionCode(), draft.address(), draft.phone(), actor.userId());
        CustomerDraft valid = CustomerValidator.customer(placed(owned), code -> regions.byCode(code).isPresent());
        String normalized = CompanyName.normalise(valid.name());
        Customer created = db.transactionResult(cfg -> {
            CustomerRepository customers = customers(cfg);
            refuseDuplicate(actor, customers, normalized, null);
            checkOwner(actor, cfg, valid.ownerId());
            return customers.insert(actor, ChangeReason.user(), Ids.newId(clock), valid, normalized);
        });
        return written(created.id(), created);
    }

    /**
     * Saves an edit made on {@code expectedVersion}. A new owner is a transfer: when a flow requires
     * approval for it, the rest of the edit is saved, the customer keeps its owner until the request
     * is approved, and {@link SubmittedForApproval} says so.
     *
     * @throws io.salesdesk.core.StaleRecordException if someone changed the customer meanwhile
     * @throws SubmittedForApproval                   after saving, when the new owner waits for approval
     */
    public Customer update(Actor actor, UUID id, long expectedVersion, CustomerDraft draft) {
        return save(actor, id, expectedVersion, draft, null, null);
    }

    /**
     * Saves an edit made on someone's behalf, with the reason the audit trail records (an
     * automation rule, for example), instead of "edited by the user".
     */
    public Customer update(Actor actor, UUID id, long expectedVersion, CustomerDraft draft, ChangeReason reason) {
        return save(actor, id, expectedVersion, draft, null, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Transfers the customer to another owner, with the reason the change log keeps; through an
     * approval when a flow requires one.
     *
     * @throws SubmittedForApproval when the transfer waits for approval (the customer keeps its owner)
     */
    public Customer transfer(Actor actor, UUID id, long expectedVersion, UUID toOwnerId, String reason) {
        Objects.requireNonNull(toOwnerId, "toOwnerId");
        Customer current = db.transactionResult(cfg -> {
            CustomerRepository customers = customers(cfg);
            requireVisible(actor, customers, id);
            return customers.findAny(id).orElseThrow();
        });
        CustomerDraft d = current.toDraft();
        return save(actor, id, expectedVersion, new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(),
                d.regionCode(), d.address(), d.phone(), toOwnerId), reason, null);
    }

    private record Saved(Customer customer, UUID pendingRequest) {
    }

    private Customer save(Actor actor, UUID id, long expectedVersion, CustomerDraft draft, String reason,
            ChangeReason recorded) {
        ChangeReason why = recorded != null ? recorded : why(reason);
        CustomerDraft valid = CustomerValidator.customer(placed(draft), code -> regions.byCode(code).isPresent());
        String normalized = CompanyName.normalise(valid.name());
        Saved saved = db.transactionResult(cfg -> {
            CustomerRepository customers = customers(cfg);
            requireVisible(actor, customers, id);
            refuseDuplicate(actor, customers, normalized, id);
            checkOwner(actor, cfg, valid.ownerId());
            Customer current = customers.findAny(id).orElse(null);
            if (current == null || valid.ownerId() == null || valid.ownerId().equals(current.ownerId())) {
                return new Saved(customers.update(actor, why, id, expectedVersion, valid, normalized), null);
            }
            Optional<UUID> request = approvals.submit(cfg, actor, transferOf(cfg, current, valid.ownerId(), reason));
            if (request.isEmpty()) {
                return new Saved(customers.update(actor, why, id, expectedVersion, valid, normalized), null);
            }
            CustomerDraft keepOwner = new CustomerDraft(valid.name(), valid.creditCode(), valid.tier(),
                    valid.industry(), valid.regionCode(), valid.address(), valid.phone(), current.ownerId());
            return new Saved(customers.update(actor, why, id, expectedVersion, keepOwner, normalized),
                    request.get());
        });
        written(id, saved.customer());
        if (saved.pendingRequest() != null) {
            throw new SubmittedForApproval(saved.pendingRequest(), saved.customer());
        }
        return saved.customer();
    }

    /**
     * The draft with the region its address names, when no region was chosen and the address
     * locator is confident; an unplaceable address leaves the region empty ("needs location").
     * Without a wired locator the region stays as typed (the first matcher guesses too boldly:
     * 朝阳区 alone → 辽宁 朝阳市).
     */
    private CustomerDraft placed(CustomerDraft d) {
        boolean regionGiven = d.regionCode() != null && !d.regionCode().isBlank();
        if (!regions.hasAddressLocator() || regionGiven || d.address() == null || d.address().isBlank()) {
            return d;
        }
        return regions.resolveAddress(d.address())
                .map(r -> new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), r.code(), d.address(),
                        d.phone(), d.ownerId()))
                .orElse(d);
    }

    private static ChangeReason why(String reason) {
        return reason == null || reason.isBlank() ? ChangeReason.user() : ChangeReason.of(ChangeReason.Kind.USER,
                reason.strip());
    }

    /** What a transfer's approvers read and its flow's conditions test. */
    private ProposedChange transferOf(Configuration cfg, Customer c, UUID toOwnerId, String reason) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("fromOwnerId", c.ownerId() == null ? null : c.ownerId().toString());
        fields.put("toOwnerId", toOwnerId.toString());
        fields.put("regionCode", c.regionCode());
        fields.put("tier", c.tier() == null ? null : c.tier().name());
        fields.put("customerId", c.id().toString());
        String to = UserRepository.using(cfg, clock).byId(toOwnerId).map(User::displayName).orElse("");
        return new ProposedChange(ChangeApproval.CUSTOMER, ChangeApproval.TRANSFER, c.id(),
                c.name() + ": " + (c.ownerName() == null ? "-" : c.ownerName()) + " → " + to, reason, fields);
    }

    /**
     * Applies an approved transfer in the approving transaction, as the system with the request in
     * the change log, if the customer still has the owner it had when the transfer was submitted
     * (one claimed from the pool or released since is left as it is).
     */
    private void applyTransfer(Configuration cfg, UUID requestId, ProposedChange change) {
        CustomerRepository customers = customers(cfg);
        Customer current = customers.findAny(change.recordId()).orElse(null);
        UUID from = change.user("fromOwnerId");
        UUID to = change.user("toOwnerId");
        if (current == null || to == null || !Objects.equals(current.ownerId(), from)) {
            LOG.info("Approved transfer of customer {} not applied: it changed owner or was removed meanwhile",
                    change.recordId());
            return;
        }
        CustomerDraft d = current.toDraft();
        String detail = "approval " + requestId + (change.reason() == null ? "" : ": " + change.reason());
        customers.update(null, ChangeReason.of(ChangeReason.Kind.APPROVAL, detail), current.id(), current.version(),
                new CustomerDraft(d.name(), d.creditCode(), d.tier(), d.industry(), d.regionCode(), d.address(),
                        d.phone(), to), CompanyName.normalise(d.name()));
        changedByApproval.add(current.id());
    }

    /** Logs a follow-up and moves the customer's last and next follow-up dates. */
    public Activity logFollowUp(Actor actor, UUID customerId, ActivityDraft draft) {
        CustomerValidator.activity(draft);
        OffsetDateTime at = (draft.occurredAt() == null ? OffsetDateTime.now(clock) : draft.occurredAt())
                .withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        ActivityDraft timed = new ActivityDraft(draft.kind(), at, draft.contactId(), draft.durationMinutes(),
                draft.note(), draft.outcome(), draft.nextStep(), draft.nextFollowUpOn());
        Activity logged = db.transactionResult(cfg -> {
            CustomerRepository customers = customers(cfg);
            requireVisible(actor, customers, customerId);
            UUID id = Ids.newId(clock);
            ActivityRepository activities = ActivityRepository.using(cfg, clock);
            activities.insertAll(actor, ChangeReason.user(),
                    List.of(new ActivityRepository.NewActivity(id, customerId, actor.userId(), timed)));
            customers.markFollowedUp(actor, ChangeReason.user(), customerId, at, timed.nextFollowUpOn());
            return activities.timeline(customerId, TIMELINE_LIMIT).stream().filter(a -> a.id().equals(id))
                    .findFirst().orElseThrow();
        });
        return written(customerId, logged);
    }

    /** Adds a contact; a new primary contact takes the flag from the old one. */
    public Contact addContact(Actor actor, UUID customerId, ContactDraft draft) {
        ContactDraft valid = CustomerValidator.contact(draft);
        return db.transactionResult(cfg -> {
            requireVisible(actor, customers(cfg), customerId);
            ContactRepository contacts = ContactRepository.using(cfg, clock);
            UUID id = Ids.newId(clock);
            if (valid.primary()) {
                contacts.clearPrimaryExcept(actor, ChangeReason.user(), customerId, id);
            }
            contacts.insertAll(actor, ChangeReason.user(), List.of(new ContactRepository.NewContact(id, customerId, valid)));
            return contacts.find(id).orElseThrow();
        });
    }

    /** Saves an edit of a contact made on {@code expectedVersion}. */
    public Contact updateContact(Actor actor, UUID contactId, long expectedVersion, ContactDraft draft) {
        ContactDraft valid = CustomerValidator.contact(draft);
        return db.transactionResult(cfg -> {
            ContactRepository contacts = ContactRepository.using(cfg, clock);
            Contact existing = contacts.find(contactId)
                    .orElseThrow(() -> new SalesDeskException("contact.notFound", contactId));
            requireVisible(actor, customers(cfg), existing.customerId());
            if (valid.primary()) {
                contacts.clearPrimaryExcept(actor, ChangeReason.user(), existing.customerId(), contactId);
            }
            return contacts.update(actor, ChangeReason.user(), contactId, expectedVersion, valid);
        });
    }

    /** Follow-ups due on {@code today} or earlier for the customers the viewer sees, with the last next step. */
    public List<FollowUpDue> dueFollowUps(Actor viewer, LocalDate today) {
        if (listCache == null) {
            return db.transactionResult(cfg -> customers(cfg).dueBy(viewer, today, DUE_LIMIT));
        }
        ensureListLoaded();
        List<Customer> due = listCache.dueBy(visibleOwners(viewer), today, DUE_LIMIT);
        Map<UUID, String> nextSteps = db.transactionResult(cfg -> customers(cfg)
                .lastNextSteps(due.stream().map(Customer::id).toList()));
        return due.stream().map(c -> new FollowUpDue(c.id(), c.name(), c.tier(), c.nextFollowUpOn(), c.lastFollowUpAt(),
                nextSteps.get(c.id()), c.ownerName())).toList();
    }

    /** The audit trail of a customer the viewer may see, oldest first. */
    public List<ChangeEntry> history(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> {
            requireVisible(viewer, customers(cfg), customerId);
            return ChangeLog.using(cfg, clock).forEntity(customerId);
        });
    }

    private CustomerRepository customers(Configuration cfg) {
        return CustomerRepository.using(cfg, clock, regions::fullName);
    }

    private static void requireVisible(Actor actor, CustomerRepository customers, UUID customerId) {
        if (!customers.isVisible(actor, customerId)) {
            throw new SalesDeskException("activity.customer.notFound", customerId);
        }
    }

    private static void refuseDuplicate(Actor actor, CustomerRepository customers, String normalized, UUID exceptId) {
        customers.findByNormalizedName(normalized, exceptId).ifPresent(existing -> {
            throw new DuplicateCustomerException(existing.id(), existing.name(), existing.ownerName(),
                    customers.isVisible(actor, existing.id()));
        });
    }

    private void checkOwner(Actor actor, Configuration cfg, UUID ownerId) {
        if (ownerId == null) {
            return;
        }
        boolean assignable = UserRepository.using(cfg, clock).visibleTo(actor).stream()
                .anyMatch(u -> u.id().equals(ownerId));
        if (!assignable) {
            throw new ValidationException(List.of(FieldProblem.of("ownerId", "customer.owner.unknown")));
        }
    }
}
