package io.salesdesk.app.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.FieldMergeDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.User;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;

/** A customer's fields in the merge dialog as the form names them, values as the form shows them. */
final class CustomerMergeWords {

    private static final Map<String, String> LABELS = Map.of("name", "customerForm.name",
            "creditCode", "customerForm.creditCode", "tier", "customerForm.tier", "industry", "customerForm.industry",
            "regionCode", "customerForm.region", "address", "customerForm.address", "phone", "customerForm.phone",
            "ownerId", "customerForm.owner");

    private final AppContext context;
    private final Map<String, String> customLabels = new HashMap<>();

    CustomerMergeWords(AppContext context) {
        this.context = context;
        for (CustomField field : context.customFields().fields(CustomEntity.CUSTOMER)) {
            customLabels.put(CustomerVersions.CUSTOM + field.key(), field.label());
        }
    }

    FieldMergeDialog.Words words(List<ChangeEntry> history) {
        return new FieldMergeDialog.Words(this::label, this::display,
                FieldMergeDialog.changedBy(history, context.clock().getZone()));
    }

    String label(String field) {
        String key = LABELS.get(field);
        return key != null ? I18n.get(key) : customLabels.getOrDefault(field, field);
    }

    String display(String field, String value) {
        if (field.equals("ownerId")) {
            return value == null ? I18n.get("form.pool") : context.users().all().stream()
                    .filter(u -> u.id().toString().equals(value)).map(User::displayName).findFirst().orElse(value);
        }
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (field) {
            case "tier" -> I18n.get("tier.long." + value);
            case "industry" -> I18n.get("industry." + value);
            case "regionCode" -> context.regions().fullName(value);
            default -> value;
        };
    }
}
