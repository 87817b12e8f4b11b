package io.salesdesk.app.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.studio.field.CustomEntity;

/**
 * A version of a deal as field name → text, named as the change log names them (custom fields as
 * {@code custom.KEY}), for the field-by-field merge; and the fields in words as the deal form shows them.
 */
final class DealVersions {

    private static final Map<String, String> LABELS = Map.of("name", "opportunityForm.name",
            "stage", "opportunityForm.stage", "probability", "opportunityForm.probability",
            "amount", "opportunityForm.amount", "expectedCloseOn", "opportunityForm.expectedClose",
            "products", "opportunityForm.products", "ownerId", "opportunityForm.owner",
            "closeReason", "opportunityForm.closeReason");

    private DealVersions() {
    }

    static Map<String, String> fields(OpportunityDraft d, Map<String, String> customValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", d.name());
        fields.put("stage", d.stage());
        fields.put("amount", d.amount() == null ? null : d.amount().stripTrailingZeros().toPlainString());
        fields.put("expectedCloseOn", d.expectedCloseOn() == null ? null : d.expectedCloseOn().toString());
        fields.put("probability", d.probability() == null ? null : d.probability().toString());
        fields.put("products", d.products());
        fields.put("ownerId", d.ownerId() == null ? null : d.ownerId().toString());
        fields.put("closeReason", d.closeReason());
        return MergeFields.withCustom(fields, customValues);
    }

    static OpportunityDraft draft(UUID customerId, Map<String, String> f) {
        return new OpportunityDraft(customerId, f.get("name"),
                f.get("ownerId") == null ? null : UUID.fromString(f.get("ownerId")), f.get("stage"),
                f.get("amount") == null ? null : new BigDecimal(f.get("amount")),
                f.get("expectedCloseOn") == null ? null : LocalDate.parse(f.get("expectedCloseOn")),
                f.get("probability") == null ? null : Integer.valueOf(f.get("probability")), f.get("products"),
                f.get("closeReason"));
    }

    static MergeFields mergeFields(AppContext context) {
        return new MergeFields(context, CustomEntity.OPPORTUNITY, LABELS, (name, value) -> display(context, name, value));
    }

    private static String display(AppContext context, String name, String value) {
        if (value == null || value.isEmpty()) {
            return name.equals("ownerId") ? I18n.get("opportunityForm.ownerDefault") : null;
        }
        return switch (name) {
            case "ownerId" -> MergeFields.userName(context, value);
            case "stage" -> context.opportunities().stage(value).name(I18n.locale());
            case "probability" -> value + "%";
            default -> value;
        };
    }
}
