package io.salesdesk.app.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.User;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;

/**
 * A version of a deal as field name → text, named as the change log names them (custom fields as
 * {@code custom.KEY}), for the field-by-field merge; and the fields in words as the deal form shows them.
 */
final class DealVersions {

    static final String CUSTOM = "custom.";
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
        customValues.forEach((key, value) -> fields.put(CUSTOM + key, value));
        return fields;
    }

    static OpportunityDraft draft(UUID customerId, Map<String, String> f) {
        return new OpportunityDraft(customerId, f.get("name"),
                f.get("ownerId") == null ? null : UUID.fromString(f.get("ownerId")), f.get("stage"),
                f.get("amount") == null ? null : new BigDecimal(f.get("amount")),
                f.get("expectedCloseOn") == null ? null : LocalDate.parse(f.get("expectedCloseOn")),
                f.get("probability") == null ? null : Integer.valueOf(f.get("probability")), f.get("products"),
                f.get("closeReason"));
    }

    static Map<String, String> customValues(Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(CUSTOM)) {
                values.put(name.substring(CUSTOM.length()), value);
            }
        });
        return values;
    }

    static FieldMergeDialog.Words words(AppContext context, List<ChangeEntry> history) {
        Map<String, String> customLabels = new HashMap<>();
        for (CustomField field : context.customFields().fields(CustomEntity.OPPORTUNITY)) {
            customLabels.put(CUSTOM + field.key(), field.label());
        }
        return new FieldMergeDialog.Words(
                name -> LABELS.containsKey(name) ? I18n.get(LABELS.get(name)) : customLabels.getOrDefault(name, name),
                (name, value) -> display(context, name, value),
                FieldMergeDialog.changedBy(history, context.clock().getZone()));
    }

    private static String display(AppContext context, String name, String value) {
        if (value == null || value.isEmpty()) {
            return name.equals("ownerId") ? I18n.get("opportunityForm.ownerDefault") : null;
        }
        return switch (name) {
            case "ownerId" -> context.users().all().stream().filter(u -> u.id().toString().equals(value))
                    .map(User::displayName).findFirst().orElse(value);
            case "stage" -> context.opportunities().stage(value).name(I18n.locale());
            case "probability" -> value + "%";
            default -> value;
        };
    }
}
