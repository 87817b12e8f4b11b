package io.salesdesk.app.customers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.Tier;

/**
 * A version of a customer as field name → text, the names and texts the change log uses
 * ({@code tier} as A–D, {@code ownerId} as the id, custom fields as {@code custom.KEY}), so that the
 * three versions of a merge compare field by field, and back.
 */
final class CustomerVersions {

    static final String CUSTOM = "custom.";

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
        customValues.forEach((key, value) -> fields.put(CUSTOM + key, value));
        return fields;
    }

    static CustomerDraft draft(Map<String, String> fields) {
        String tier = fields.get("tier");
        String owner = fields.get("ownerId");
        return new CustomerDraft(fields.get("name"), fields.get("creditCode"), tier == null ? null : Tier.valueOf(tier),
                fields.get("industry"), fields.get("regionCode"), fields.get("address"), fields.get("phone"),
                owner == null ? null : UUID.fromString(owner));
    }

    /** The custom values by key; a value emptied in the merge stays in the map as null, so saving clears it. */
    static Map<String, String> customValues(Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(CUSTOM)) {
                values.put(name.substring(CUSTOM.length()), value);
            }
        });
        return values;
    }
}
