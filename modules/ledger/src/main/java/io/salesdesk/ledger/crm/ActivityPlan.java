package io.salesdesk.ledger.crm;

import io.salesdesk.crm.ActivityDraft;
import java.util.UUID;

/** What one follow-up row will write: its customer, who followed up, and the follow-up itself. */
final class ActivityPlan {

    UUID customerId;
    /** The customer's owner: who followed up when the ledger does not say. */
    UUID customerOwnerId;
    UUID ownerId;
    /** The 联系人 cell, resolved against the customer's contacts once they are loaded. */
    String contactName;
    ActivityDraft draft;
    /** The row's hidden id column (an exported ledger), or {@code null}. */
    UUID exportedId;
    UUID newId;
}
