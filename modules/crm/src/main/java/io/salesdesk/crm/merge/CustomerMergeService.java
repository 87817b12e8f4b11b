package io.salesdesk.crm.merge;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Merges one customer into another (two records of the same company): the survivor keeps its fields
 * except those the user takes from the merged one, every row that points to the merged customer
 * moves to the survivor, and the merged customer is soft-deleted with a mark naming the survivor.
 * One transaction, every move in the audit trail with the reason MERGE detail, so it can be traced
 * row by row, and recorded (what moved, at which version) so that one click undoes it. Managers (for
 * customers in their subtree) and admins only.
 */
public final class CustomerMergeService {

    /** The customer fields a user may take from the merged customer, in form order. */
    public static final List<String> FIELDS = List.of("name", "creditCode", "tier", "industry", "regionCode",
            "address", "phone", "ownerId");

    private final Database db;
    private final Clock clock;
    private final RegionService regions;
    private final CustomerService customers;
    private final List<CustomerReferences> references;
    private final BooleanSupplier synced;

    /**
     * A merge service for a database that exchanges no rows with others by sync.
     *
     * @param references every module's mover of customer references; {@link #registered()} in the app
     */
    public CustomerMergeService(Database db, Clock clock, RegionService regions, CustomerService customers,
                                List<CustomerReferences> references) {
        this(db, clock, regions, customers, references, () -> false);
    }

    /**
     * @param synced whether this database exchanges rows by sync (a branch replica, or a hub with
     *               replicas): undo is then refused, as its moves would not reach the other side
     */
    public CustomerMergeService(Database db, Clock clock, RegionService regions, CustomerService customers,
                                List<CustomerReferences> references, BooleanSupplier synced) {
        this.db = db;
        this.clock = clock;
        this.regions = regions;
        this.customers = customers;
        this.references = List.copyOf(references);
        this.synced = synced;
    }

    /** The movers the modules on the class path registered. */
    public static List<CustomerReferences> registered() {
        List<CustomerReferences> found = new ArrayList<>();
        ServiceLoader.load(CustomerReferences.class, CustomerReferences.class.getClassLoader()).forEach(found::add);
        // A fixed order (by class name) so that audit entries come in the same order on every machine.
        found.sort(java.util.Comparator.comparing(r -> r.getClass().getName()));
        return found;
    }

    /** Whether this user may merge customers at all (the list shows 合并客户 only to them). */
    public static boolean mayMerge(Actor actor) {
        return actor.role() == Role.MANAGER || actor.role() == Role.ADMIN;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}.
     *
     * @param survivorVersion  the survivor's version the user saw
     * @param mergedVersion    the merged customer's version the user saw
     * @param fromMerged       the {@link #FIELDS} whose value the survivor takes from the merged customer
     * @throws SalesDeskException   if the user may not merge these customers
     * @throws StaleRecordException if either changed since the user looked
     */
    public CustomerMergeResult merge(Actor actor, UUID survivorId, long survivorVersion, UUID mergedId,
                                     long mergedVersion, Set<String> fromMerged) {
        Objects.requireNonNull(fromMerged, "fromMerged");
        if (!mayMerge(actor)) {
            throw new SalesDeskException("error.customerMergeNotAllowed");
        }
        if (survivorId.equals(mergedId)) {
            throw new SalesDeskException("error.customerMergeSame");
        }
        ChangeReason reason = ChangeReason.of(ChangeReason.Kind.USER, "merge " + mergedId + " into " + survivorId);
        CustomerMergeResult result = db.transactionResult(cfg -> {
            CustomerMergeRepository.Journal journal = CustomerMergeRepository.using(cfg, clock)
                    .start(actor, survivorId, mergedId);
            CustomerRepository repo = CustomerRepository.using(cfg, clock, regions::fullName);
            Customer survivor = repo.find(actor, survivorId)
                    .orElseThrow(() -> new SalesDeskException("error.customerMergeNotVisible"));
            Customer merged = repo.find(actor, mergedId)
                    .orElseThrow(() -> new SalesDeskException("error.customerMergeNotVisible"));
            if (survivor.version() != survivorVersion) {
                throw new StaleRecordException("customer", survivorId, survivorVersion, survivor);
            }
            if (merged.version() != mergedVersion) {
                throw new StaleRecordException("customer", mergedId, mergedVersion, merged);
            }
            Map<String, Integer> moved = new LinkedHashMap<>();
            for (CustomerReferences mover : references) {
                mover.move(new CustomerMove(cfg, clock, actor, reason, mergedId, survivorId, journal))
                        .forEach((k, n) -> moved.merge(k, n, Integer::sum));
            }
            // The merged row goes first, so the survivor may take its name without a duplicate.
            repo.markMerged(actor, reason, mergedId, mergedVersion, survivorId);
            CustomerDraft draft = combined(survivor.toDraft(), merged.toDraft(), fromMerged);
            Customer saved = repo.update(actor, reason, survivorId, survivorVersion, draft,
                    CompanyName.normalise(draft.name()));
            return new CustomerMergeResult(saved, mergedId, moved, journal.mergeId());
        });
        customers.refresh(survivorId);
        customers.refresh(mergedId);
        return result;
    }

    /**
     * Undoes a merge: the merged customer is live again, every row the merge moved and nobody
     * changed since goes back to it, and the survivor's fields taken from it get their old values
     * where nobody changed them since. What changed after the merge stays where it is and is listed.
     * One transaction, audited with the reason {@code undo merge B into A}.
     *
     * @throws SalesDeskException if the user may not, the merge is not recorded here or was undone already
     */
    public CustomerMergeUndoResult undo(Actor actor, UUID mergeId) {
        if (!mayMerge(actor)) {
            throw new SalesDeskException("error.customerMergeNotAllowed");
        }
        if (synced.getAsBoolean()) {
            throw new SalesDeskException("error.customerMergeUndoSynced");
        }
        CustomerMergeUndoResult result = db.transactionResult(cfg -> {
            CustomerMergeRepository merges = CustomerMergeRepository.using(cfg, clock);
            CustomerMergeRepository.Merge merge = merges.find(mergeId)
                    .orElseThrow(() -> new SalesDeskException("error.customerMergeUndoUnknown"));
            CustomerRepository repo = CustomerRepository.using(cfg, clock, regions::fullName);
            if (!repo.isVisible(actor, merge.survivorId()) || !repo.isVisible(actor, merge.mergedId())) {
                throw new SalesDeskException("error.customerMergeNotVisible");
            }
            // Marked first and only once: of two managers undoing at the same moment, one wins.
            if (merge.undoneAt() != null || !merges.markUndone(actor, mergeId)) {
                throw new SalesDeskException("error.customerMergeUndoneAlready");
            }
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.USER,
                    "undo merge " + merge.mergedId() + " into " + merge.survivorId());
            List<MovedBack.Left> left = new ArrayList<>(new SurvivorFields(cfg, clock, repo)
                    .restore(actor, reason, merge));
            Customer restored = repo.unmerge(actor, reason, merge.mergedId(), merge.survivorId());
            CustomerMoveBack back = new CustomerMoveBack(cfg, clock, actor, reason, merge.survivorId(),
                    merge.mergedId(), merges.moves(mergeId));
            MovedBack moved = MovedBack.NONE;
            for (CustomerReferences mover : references) {
                moved = moved.plus(mover.moveBack(back));
            }
            left.addAll(moved.left());
            Customer survivor = repo.findAny(merge.survivorId()).orElse(null);
            return new CustomerMergeUndoResult(mergeId, restored, survivor, moved, left);
        });
        customers.refresh(result.restored().id());
        if (result.survivor() != null) {
            customers.refresh(result.survivor().id());
        }
        return result;
    }

    /** Whether this user may undo merges on this database (not on one that syncs with others). */
    public boolean mayUndo(Actor actor) {
        return mayMerge(actor) && !synced.getAsBoolean();
    }

    /** The merge recorded here that made this (deleted) customer part of another, if any and not undone. */
    public java.util.Optional<CustomerMergeRepository.Merge> standingMergeOf(UUID mergedId) {
        return db.transactionResult(cfg -> CustomerMergeRepository.using(cfg, clock).standingMergeOf(mergedId));
    }

    /**
     * The merges into this customer that can still be undone here, for a user who may undo them
     * (none for anyone else).
     */
    public List<CustomerMergeRepository.Merge> undoableMergesInto(Actor actor, UUID survivorId) {
        if (!mayUndo(actor)) {
            return List.of();
        }
        return db.transactionResult(cfg -> {
            CustomerRepository repo = CustomerRepository.using(cfg, clock, regions::fullName);
            return CustomerMergeRepository.using(cfg, clock).standingMergesInto(survivorId).stream()
                    .filter(m -> repo.isVisible(actor, m.mergedId()))
                    .toList();
        });
    }

    /** The survivor's fields with those picked from the merged customer. */
    static CustomerDraft combined(CustomerDraft a, CustomerDraft b, Set<String> fromB) {
        for (String field : fromB) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("not a customer field: " + field);
            }
        }
        return new CustomerDraft(
                fromB.contains("name") ? b.name() : a.name(),
                fromB.contains("creditCode") ? b.creditCode() : a.creditCode(),
                fromB.contains("tier") ? b.tier() : a.tier(),
                fromB.contains("industry") ? b.industry() : a.industry(),
                fromB.contains("regionCode") ? b.regionCode() : a.regionCode(),
                fromB.contains("address") ? b.address() : a.address(),
                fromB.contains("phone") ? b.phone() : a.phone(),
                fromB.contains("ownerId") ? b.ownerId() : a.ownerId());
    }
}
