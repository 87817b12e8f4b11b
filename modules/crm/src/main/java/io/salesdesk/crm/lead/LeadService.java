package io.salesdesk.crm.lead;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.CustomerRules;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.DuplicateCustomerException;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.crm.OpportunityRules;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.crm.approval.ProposedChange;
import io.salesdesk.crm.approval.SubmittedForApproval;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads from capture to a customer and a deal: each call is one transaction, visible only to
 * whoever may see the lead, and acting on it is for its owner or a manager. Dispatch (who gets a
 * new lead) is the dispatch module's; it writes through {@link #assign}.
 */
public final class LeadService {

    public static final int LIST_LIMIT = 2000;
    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final CustomerService customers;
    private final ChangeApproval approvals;

    /** Leads whose reassignments by a manager apply at once. */
    public LeadService(Database db, Clock clock, RegionService regions, CustomerService customers) {
        this(db, clock, regions, customers, ChangeApproval.NONE);
    }

    /**
     * Leads whose reassignments by a manager go through {@code approvals} first (entity
     * {@value ChangeApproval#LEAD}, action {@value ChangeApproval#REASSIGN}); dispatch's own
     * assignments never do.
     */
    public LeadService(Database db, Clock clock, RegionService regions, CustomerService customers,
                       ChangeApproval approvals) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.customers = customers;
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        approvals.whenApproved(ChangeApproval.LEAD, this::applyReassign);
    }

    /**
     * The draft trimmed and checked, its phone normalised and, when no region was given, the region
     * its address names (none if the address names none: dispatch then flags it).
     *
     * @throws ValidationException listing each refused field
     */
    public LeadDraft validate(LeadDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "lead.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "lead.name.tooLong", NAME_MAX));
        }
        String phone = null;
        if (Rows.blankToNull(d.phone()) != null) {
            phone = PhoneNumber.normalise(d.phone()).orElse(null);
            if (phone == null) {
                problems.add(FieldProblem.of("phone", "lead.phone.invalid", d.phone().strip()));
            }
        }
        String region = Rows.blankToNull(d.regionCode());
        if (region != null && regions.byCode(region).isEmpty()) {
            problems.add(FieldProblem.of("regionCode", "lead.region.unknown", region));
        }
        if (region == null) {
            region = regions.resolveAddress(d.address()).map(r -> r.code()).orElse(null);
        }
        String note = Rows.blankToNull(d.note());
        if (note != null && note.length() > NOTE_MAX) {
            problems.add(FieldProblem.of("note", "lead.note.tooLong", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new LeadDraft(name, strip(d.contactName()), phone, strip(d.address()), region, strip(d.industry()),
                d.tier(), strip(d.source()), note);
    }

    /** The lead if the viewer may see it. */
    public Optional<Lead> find(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> leads(cfg).find(viewer, id));
    }

    /** The leads the viewer sees through the filter, newest first, at most {@link #LIST_LIMIT}. */
    public List<Lead> list(Actor viewer, LeadFilter filter) {
        return db.transactionResult(cfg -> leads(cfg).list(viewer, filter, LIST_LIMIT));
    }

    public int count(Actor viewer, LeadFilter filter) {
        return db.transactionResult(cfg -> leads(cfg).count(viewer, filter));
    }

    /** One board column in rank order. */
    public List<Lead> column(Actor viewer, LeadStatus status, int limit) {
        return db.transactionResult(cfg -> leads(cfg).column(viewer, status, limit));
    }

    public Map<LeadStatus, Integer> counts(Actor viewer) {
        return db.transactionResult(cfg -> leads(cfg).counts(viewer));
    }

    /** Edits what the lead says (name, contact, address …); status and owner stay. */
    public Lead update(Actor actor, UUID id, long expectedVersion, LeadDraft draft) {
        LeadDraft valid = validate(draft);
        return db.transactionResult(cfg -> {
            LeadRepository leads = leads(cfg);
            requireActor(actor, current(actor, leads, id, expectedVersion));
            return leads.update(actor, ChangeReason.user(), id, expectedVersion, f -> f.withDraft(valid));
        });
    }

    /**
     * Gives the lead to {@code ownerId} with the reason in words; it goes to the top of ASSIGNED.
     * Dispatch calls it with {@link ChangeReason.Kind#RULE}; a manager overriding calls it with
     * their own reason (required) and the OVERRIDE flag.
     *
     * <p>When a flow requires approval of the reassignment, the lead keeps its owner until the
     * request is approved and {@link SubmittedForApproval} says so.
     *
     * @throws ValidationException   for a blank override reason or an owner the actor may not assign
     * @throws SalesDeskException    {@code lead.closed} for a converted or disqualified lead
     * @throws SubmittedForApproval  when the reassignment waits for approval (nothing changed yet)
     */
    public Lead reassign(Actor actor, UUID id, long expectedVersion, UUID ownerId, String reason) {
        requireManager(actor);
        String why = Rows.blankToNull(reason);
        if (why == null) {
            throw new ValidationException(List.of(FieldProblem.of("reason", "lead.reassign.reasonRequired")));
        }
        Pending result = db.transactionResult(cfg -> {
            LeadRepository leads = leads(cfg);
            Lead current = current(actor, leads, id, expectedVersion);
            boolean assignable = UserRepository.using(cfg, clock).visibleTo(actor).stream()
                    .anyMatch(u -> u.id().equals(ownerId));
            if (!assignable) {
                throw new ValidationException(List.of(FieldProblem.of("ownerId", "lead.owner.notAllowed")));
            }
            String text = shorten(why, 900);
            if (!current.status().open()) {
                throw new SalesDeskException("lead.closed", current.name());
            }
            if (!ownerId.equals(current.ownerId())) {
                Optional<UUID> request = approvals.submit(cfg, actor, reassignmentOf(cfg, current, ownerId, text));
                if (request.isPresent()) {
                    return new Pending(current, request.get());
                }
            }
            return new Pending(assign(cfg, actor, ChangeReason.user(), current, ownerId, text,
                    Lead.AssignmentFlag.OVERRIDE), null);
        });
        if (result.request() != null) {
            throw new SubmittedForApproval(result.request(), result.lead());
        }
        return result.lead();
    }

    private record Pending(Lead lead, UUID request) {
    }

    /** What a reassignment's approvers read and its flow's conditions test. */
    private ProposedChange reassignmentOf(Configuration cfg, Lead lead, UUID toOwnerId, String reason) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("fromOwnerId", lead.ownerId() == null ? null : lead.ownerId().toString());
        fields.put("toOwnerId", toOwnerId.toString());
        fields.put("regionCode", lead.regionCode());
        fields.put("source", lead.source());
        String to = UserRepository.using(cfg, clock).byId(toOwnerId).map(User::displayName).orElse("");
        return new ProposedChange(ChangeApproval.LEAD, ChangeApproval.REASSIGN, lead.id(),
                lead.name() + ": " + (lead.ownerName() == null ? "-" : lead.ownerName()) + " → " + to, reason,
                fields);
    }

    /**
     * Applies an approved reassignment in the approving transaction, as the system with the request
     * in the change log and the manager's reason on the lead, if the lead is still open and still
     * has the owner it had when submitted (dispatch or a conversion since is left as it is).
     */
    private void applyReassign(Configuration cfg, UUID requestId, ProposedChange change) {
        Lead current = leads(cfg).findAny(change.recordId()).orElse(null);
        UUID to = change.user("toOwnerId");
        if (current == null || to == null || !current.status().open()
                || !Objects.equals(current.ownerId(), change.user("fromOwnerId"))) {
            LOG.info("Approved reassignment of lead {} not applied: it changed or closed meanwhile", change.recordId());
            return;
        }
        assign(cfg, null, ChangeReason.of(ChangeReason.Kind.APPROVAL, "approval " + requestId), current, to,
                change.reason(), Lead.AssignmentFlag.OVERRIDE);
    }

    /**
     * Writes an assignment in the caller's transaction (dispatch and {@link #reassign}): owner,
     * when, why and flag; a new lead becomes ASSIGNED at the top of that column.
     */
    public Lead assign(Configuration cfg, Actor actor, ChangeReason why, Lead current, UUID ownerId, String reason,
                       Lead.AssignmentFlag flag) {
        if (!current.status().open()) {
            throw new SalesDeskException("lead.closed", current.name());
        }
        LeadRepository leads = leads(cfg);
        OffsetDateTime now = Rows.now(clock);
        boolean toColumn = current.status() == LeadStatus.NEW;
        String rank = toColumn ? top(leads, LeadStatus.ASSIGNED) : current.boardRank();
        return leads.update(actor, why, current.id(), current.version(), f -> {
            LeadFields assigned = f.assigned(ownerId, ownerId == null ? null : now, shorten(reason, 1000), flag);
            return toColumn && ownerId != null ? assigned.inColumn(LeadStatus.ASSIGNED, rank) : assigned;
        });
    }

    /**
     * Records the first response: the lead becomes CONTACTED and keeps how many minutes it waited
     * since its assignment. Responding again changes nothing.
     */
    public Lead markContacted(Actor actor, UUID id, long expectedVersion) {
        return move(actor, id, expectedVersion, LeadStatus.CONTACTED, null, null);
    }

    /**
     * Moves the lead to another status (a board drop, a button). Into CONTACTED stamps the first
     * response; into DISQUALIFIED needs a reason; CONVERTED only through {@link #convert}.
     *
     * @param rank the new rank between its neighbours, or null for the top of the column
     * @throws ValidationException for a missing disqualify reason
     * @throws SalesDeskException  {@code lead.move.notAllowed} for a move the status does not allow
     */
    public Lead move(Actor actor, UUID id, long expectedVersion, LeadStatus status, String reason, String rank) {
        Objects.requireNonNull(status, "status");
        if (status == LeadStatus.DISQUALIFIED && Rows.blankToNull(reason) == null) {
            throw new ValidationException(List.of(FieldProblem.of("reason", "lead.disqualify.reasonRequired")));
        }
        if (rank != null && !BoardRank.isValid(rank)) {
            throw new SalesDeskException("lead.rank.invalid", rank);
        }
        return db.transactionResult(cfg -> {
            LeadRepository leads = leads(cfg);
            Lead current = current(actor, leads, id, expectedVersion);
            requireActor(actor, current);
            if (current.status() == status) {
                if (rank == null) {
                    return current;
                }
                return leads.update(actor, ChangeReason.user(), id, expectedVersion, f -> f.inColumn(status, rank));
            }
            if (status == LeadStatus.CONVERTED || !current.status().next().contains(status)
                    || status == LeadStatus.ASSIGNED && current.ownerId() == null) {
                throw new SalesDeskException("lead.move.notAllowed", current.status().name(), status.name());
            }
            OffsetDateTime now = Rows.now(clock);
            String newRank = rank != null ? rank : top(leads, status);
            return leads.update(actor, ChangeReason.user(), id, expectedVersion, f -> {
                LeadFields moved = f.inColumn(status, newRank);
                if (status == LeadStatus.CONTACTED) {
                    moved = moved.responded(now, minutesWaited(current, now));
                }
                return status == LeadStatus.DISQUALIFIED ? moved.closed(now, shorten(reason.strip(), REASON_MAX))
                        : moved.closed(null, null);
            });
        });
    }

    /**
     * What converting a lead makes.
     *
     * @param existingCustomerId link this customer instead of creating one; null to create
     * @param tier               the new customer's tier (ignored when linking)
     * @param dealName           the first deal's name; null for none
     * @param amount             the deal's amount, may be null
     */
    public record Conversion(UUID existingCustomerId, Tier tier, String dealName, BigDecimal amount) {
    }

    /**
     * Converts the lead in one transaction: creates (or links) the customer owned by the lead's
     * owner, opens a deal in the first stage if a name is given, and closes the lead as CONVERTED
     * with links to both.
     *
     * @throws DuplicateCustomerException if a customer of that name exists: link it instead
     * @throws ValidationException        for a customer or deal the rules refuse
     */
    public Lead convert(Actor actor, UUID id, long expectedVersion, Conversion conversion) {
        Lead converted = db.transactionResult(cfg -> {
            LeadRepository leads = leads(cfg);
            Lead current = current(actor, leads, id, expectedVersion);
            requireActor(actor, current);
            if (!current.status().open()) {
                throw new SalesDeskException("lead.closed", current.name());
            }
            UUID ownerId = current.ownerId() != null ? current.ownerId() : actor.userId();
            CustomerRepository customerRows = CustomerRepository.using(cfg, clock, regions::fullName);
            UUID customerId = conversion.existingCustomerId();
            if (customerId != null) {
                if (!customerRows.isVisible(actor, customerId)) {
                    throw new ValidationException(List.of(FieldProblem.of("customerId", "lead.convert.customerNotVisible")));
                }
            } else {
                Tier tier = conversion.tier() != null ? conversion.tier() : current.tierOrDefault();
                CustomerDraft draft = CustomerRules.validate(new CustomerDraft(current.name(), null, tier,
                        current.industry(), current.regionCode(), current.address(), current.phone(), ownerId),
                        code -> regions.byCode(code).isPresent());
                String normalized = CompanyName.normalise(draft.name());
                Optional<Customer> existing = customerRows.findByNormalizedName(normalized, null);
                if (existing.isPresent()) {
                    Customer e = existing.get();
                    throw new DuplicateCustomerException(e.id(), e.name(), e.ownerName(), customerRows.isVisible(actor, e.id()));
                }
                customerId = Ids.newId(clock);
                customerRows.insert(actor, ChangeReason.of(ChangeReason.Kind.USER, "lead " + id), customerId, draft,
                        normalized);
            }
            UUID opportunityId = null;
            String dealName = Rows.blankToNull(conversion.dealName());
            if (dealName != null) {
                OpportunityRepository deals = OpportunityRepository.using(cfg, clock);
                OpportunityStage first = deals.stages().get(0);
                OpportunityDraft deal = new OpportunityDraft(customerId, dealName.strip(), ownerId, first.code(),
                        conversion.amount(), null, null, null, null);
                List<FieldProblem> problems = OpportunityRules.problems(deal, first);
                if (!problems.isEmpty()) {
                    throw new ValidationException(problems);
                }
                opportunityId = Ids.newId(clock);
                String rank = deals.edgeRank(first.code(), true).map(top -> BoardRank.between(null, top))
                        .orElse(BoardRank.first());
                deals.insertAll(actor, ChangeReason.of(ChangeReason.Kind.USER, "lead " + id), List.of(
                        new OpportunityRepository.NewOpportunity(opportunityId, deal, first.probability(), rank, null)));
            }
            OffsetDateTime now = Rows.now(clock);
            UUID linkedCustomer = customerId;
            UUID linkedDeal = opportunityId;
            String rank = top(leads, LeadStatus.CONVERTED);
            return leads.update(actor, ChangeReason.user(), id, expectedVersion, f -> {
                LeadFields owned = f.ownerId() != null ? f
                        : f.assigned(ownerId, f.assignedAt(), f.assignmentReason(), f.assignmentFlag());
                return owned.inColumn(LeadStatus.CONVERTED, rank).linked(linkedCustomer, linkedDeal)
                        .responded(now, minutesWaited(current, now)).closed(now, null);
            });
        });
        customers.refresh(converted.customerId());
        return converted;
    }

    /** Minutes from the lead's assignment (or arrival) to {@code now}: its first-response time. */
    private static int minutesWaited(Lead lead, OffsetDateTime now) {
        OffsetDateTime from = lead.assignedAt() != null ? lead.assignedAt() : lead.createdAt();
        return (int) Math.max(0, Duration.between(from, now).toMinutes());
    }

    private String top(LeadRepository leads, LeadStatus status) {
        return leads.topRank(status).map(t -> BoardRank.between(null, t)).orElse(BoardRank.first());
    }

    private static Lead current(Actor actor, LeadRepository leads, UUID id, long expectedVersion) {
        Lead lead = leads.find(actor, id).orElseThrow(() -> leads.findAny(id).isPresent()
                ? new SalesDeskException("lead.notVisible")
                : new StaleRecordException(LeadRepository.ENTITY, id, expectedVersion, null));
        if (lead.version() != expectedVersion) {
            throw new StaleRecordException(LeadRepository.ENTITY, id, expectedVersion, lead);
        }
        return lead;
    }

    /** The owner works their lead; a manager or a company-wide role may act on any lead they see. */
    private static void requireActor(Actor actor, Lead lead) {
        boolean supervisor = actor.role() == Role.MANAGER || actor.role().seesEverything();
        if (!supervisor && !actor.userId().equals(lead.ownerId())) {
            throw new SalesDeskException("lead.notYours");
        }
    }

    private static void requireManager(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("lead.reassign.notAllowed");
        }
    }

    private static String strip(String s) {
        String t = Rows.blankToNull(s);
        return t == null ? null : t.strip();
    }

    static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private LeadRepository leads(Configuration cfg) {
        return LeadRepository.using(cfg, clock);
    }
}
