package io.salesdesk.workflow.approval;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A record submitted for approval, as the owning module describes it.
 *
 * @param entity   e.g. contract, quote
 * @param action   e.g. submit, discount
 * @param recordId the record
 * @param title    what approvers see in their inbox, e.g. 合同 HT-2026-0042 杭州西湖医院 ¥600,000.00
 * @param fields   the field values conditions and approver fields read (amount, regionCode, ownerId…);
 *                 a field without a value (null) is left out, which conditions treat as absent
 */
public record ApprovalSubject(String entity, String action, UUID recordId, String title, Map<String, Object> fields) {

    public ApprovalSubject {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordId, "recordId");
        Map<String, Object> present = new HashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        fields = Map.copyOf(present);
    }
}
