package io.salesdesk.app.customers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.MergeFields;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Tier;
import io.salesdesk.studio.field.CustomEntity;

/**
 * A version of a customer as field name → text, the names and texts the change log uses
 * ({@code tier} as A–D, {@code ownerId} as the id, custom fields as {@code custom.KEY}), so that the
 * three versions of a merge compare field by field, and back; and the fields in words.
 */
final class CustomerVersions {

    private static final Map<String, String> LABELS = Map.of("name", "customerForm.name",
            "creditCode", "customerForm.creditCode", "tier", "customerForm.tier", "industry", "customerForm.industry",
            "regionCode", "customerForm.region", "address", "customerForm.address", "phone", "customerForm.phone",
            "ownerId", "customerForm.owner");

    private CustomerVersions() {
    }

    static Map<String, String> fields(CustomerDraft d, Map<String, String> customValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", d.name());
        fields.put("creditCode", d.creditCode());
        fields.put("tier", d.tier() == null ? null : d.tier().name());
        fields.put("industry", d.industry());
        fields.put("regionCode", d.regionCode());
        fields.put("address", d.address());
        fields.put("phone", d.phone());
        fields.put("ownerId", d.ownerId() == null ? null : d.ownerId().toString());
        return MergeFields.withCustom(fields, customValues);
    }

    static CustomerDraft draft(Map<String, String> fields) {
        String tier = fields.get("tier");
        String owner = fields.get("ownerId");
        return new CustomerDraft(fields.get("name"), fields.get("creditCode"), tier == null ? null : Tier.valueOf(tier),
                fields.get("industry"), fields.get("regionCode"), fields.get("address"), fields.get("phone"),
                owner == null ? null : UUID.fromString(owner));
    }

    /** A customer's fields in words as the customer form names them, values as it shows them. */
    static MergeFields mergeFields(AppContext context) {
        return new MergeFields(context, CustomEntity.CUSTOMER, LABELS, (name, value) -> display(context, name, value));
    }

    private static String display(AppContext context, String field, String value) {
        if (field.equals("ownerId")) {
            return value == null ? I18n.get("form.pool") : MergeFields.userName(context, value);
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
