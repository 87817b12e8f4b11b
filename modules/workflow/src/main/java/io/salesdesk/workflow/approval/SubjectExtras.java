package io.salesdesk.workflow.approval;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Fields a record carries beyond those its owning module registers (the custom fields a director
 * added), so flow conditions and approvers can read them too. Workflow sits below the studio module
 * that keeps custom fields, so it sees them through this port, which the composition root fills.
 */
public interface SubjectExtras {

    /** The extra fields of an entity's records ({@code contract}, {@code customer}…), in the order the designer lists them. */
    List<ApprovalTrigger.Field> fields(String entity);

    /**
     * One record's extra values by field name, read in the submitting transaction; absent values are
     * left out.
     */
    Map<String, Object> values(Configuration cfg, String entity, UUID recordId);

    /** No extra fields. */
    static SubjectExtras none() {
        return new SubjectExtras() {
            @Override
            public List<ApprovalTrigger.Field> fields(String entity) {
                return List.of();
            }

            @Override
            public Map<String, Object> values(Configuration cfg, String entity, UUID recordId) {
                return Map.of();
            }
        };
    }
}
