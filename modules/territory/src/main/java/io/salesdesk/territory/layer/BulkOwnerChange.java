package io.salesdesk.territory.layer;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.approval.SubmittedForApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 批量分配负责人: hands customers selected on the map to one owner, one by one through
 * {@link CustomerService#transfer}, so each keeps its own rules, approval flow and change history.
 * One refused customer (changed meanwhile, not allowed) does not stop the others; the outcome
 * says what happened to each group.
 */
public final class BulkOwnerChange {

    private static final Logger LOG = LoggerFactory.getLogger(BulkOwnerChange.class);

    /** A customer that could not be transferred, and why. */
    public record Refusal(Customer customer, SalesDeskException reason) {
    }

    /**
     * What a bulk transfer did.
     *
     * @param transferred      now owned by the new owner
     * @param awaitingApproval submitted to their approval flow; they keep their owner until approved
     * @param unchanged        already owned by the new owner
     * @param refused          not transferred, with the reason
     */
    public record Outcome(int transferred, int awaitingApproval, int unchanged, List<Refusal> refused) {
    }

    private final CustomerService customers;

    public BulkOwnerChange(CustomerService customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /** Transfers each customer (as last read, its version guarding against lost updates) to the owner. */
    public Outcome transfer(Actor actor, List<Customer> selected, UUID toOwnerId, String reason) {
        Objects.requireNonNull(toOwnerId, "toOwnerId");
        int transferred = 0;
        int pending = 0;
        int unchanged = 0;
        List<Refusal> refused = new ArrayList<>();
        for (Customer c : selected) {
            if (toOwnerId.equals(c.ownerId())) {
                unchanged++;
                continue;
            }
            try {
                customers.transfer(actor, c.id(), c.version(), toOwnerId, reason);
                transferred++;
            } catch (SubmittedForApproval submitted) {
                pending++;
            } catch (SalesDeskException refusal) {
                LOG.info("Transfer of customer {} refused: {}", c.id(), refusal.getMessage());
                refused.add(new Refusal(c, refusal));
            }
        }
        LOG.info("Bulk transfer by {} to {}: {} transferred, {} awaiting approval, {} unchanged, {} refused",
                actor.userId(), toOwnerId, transferred, pending, unchanged, refused.size());
        return new Outcome(transferred, pending, unchanged, List.copyOf(refused));
    }
}
