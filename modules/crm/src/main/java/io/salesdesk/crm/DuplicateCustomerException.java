package io.salesdesk.crm;

import io.salesdesk.core.SalesDeskException;
import java.util.UUID;

/**
 * A customer with the same normalised name already exists. The form offers to open it when the
 * user may see it, and otherwise names its owner.
 */
public class DuplicateCustomerException extends SalesDeskException {

    private final UUID existingId;
    private final String existingName;
    private final String existingOwnerName;
    private final boolean visibleToUser;

    public DuplicateCustomerException(UUID existingId, String existingName, String existingOwnerName,
                                      boolean visibleToUser) {
        super("customer.name.duplicate", existingName, existingOwnerName == null ? "" : existingOwnerName);
        this.existingId = existingId;
        this.existingName = existingName;
        this.existingOwnerName = existingOwnerName;
        this.visibleToUser = visibleToUser;
    }

    public UUID existingId() {
        return existingId;
    }

    public String existingName() {
        return existingName;
    }

    public String existingOwnerName() {
        return existingOwnerName;
    }

    /** Whether the user may open the existing customer. */
    public boolean visibleToUser() {
        return visibleToUser;
    }
}
