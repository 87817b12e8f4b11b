package io.salesdesk.crm.approval;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A change submitted for approval and not applied yet.
 *
 * @param entity   {@link ChangeApproval#CUSTOMER} or {@link ChangeApproval#LEAD}
 * @param action   {@link ChangeApproval#TRANSFER} or {@link ChangeApproval#REASSIGN}
 * @param recordId the customer or lead
 * @param title    what approvers read in their inbox, e.g. 杭州西湖医院: 王一 → 李二
 * @param reason   why, as the submitter said it; may be null
 * @param fields   what the flow's conditions and approvers read (fromOwnerId, toOwnerId, regionCode…)
 */
public record ProposedChange(String entity, String action, UUID recordId, String title, String reason,
                             Map<String, Object> fields) {

    public ProposedChange {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordId, "recordId");
        // HashMap, not Map.copyOf: a customer out of the pool or a lead without region has null values.
        fields = Collections.unmodifiableMap(new HashMap<>(fields));
    }

    /** A field as text; null when absent. */
    public String text(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    /** A field holding a user's id; null when absent. */
    public UUID user(String field) {
        String v = text(field);
        return v == null || v.isBlank() ? null : UUID.fromString(v);
    }
}
