package io.salesdesk.studio.ledger;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.ledger.imports.ExtraColumns;
import io.salesdesk.ledger.model.LedgerField;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldService;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An entity's custom fields as columns of its exported ledger, headed by their labels and showing what
 * the import reads back: user and region names, 是/否, choices separated by 、.
 */
final class CustomFieldColumns implements ExtraColumns {

    private final CustomEntity entity;
    private final CustomFieldService customFields;
    private final UserService users;
    private final RegionService regions;
    // The fields as of the export's start, so every page writes the same columns as the header.
    private List<CustomField> fields;
    private CustomLedgerFields ledgerFields;

    CustomFieldColumns(CustomEntity entity, CustomFieldService customFields, UserService users, RegionService regions) {
        this.entity = entity;
        this.customFields = customFields;
        this.users = users;
        this.regions = regions;
    }

    @Override
    public synchronized List<LedgerField> fields() {
        fields = customFields.fields(entity);
        ledgerFields = new CustomLedgerFields(regions, users.all());
        return fields.stream().map(CustomLedgerFields::field).toList();
    }

    @Override
    public synchronized Map<UUID, Map<String, String>> values(Collection<UUID> recordIds) {
        if (fields == null) {
            fields();
        }
        Map<UUID, Map<String, String>> shown = new HashMap<>();
        customFields.values(entity, recordIds).forEach((id, values) -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (CustomField field : fields) {
                String text = ledgerFields.output(field, values.get(field.key()));
                if (text != null) {
                    row.put(CustomLedgerFields.PREFIX + field.key(), text);
                }
            }
            shown.put(id, row);
        });
        return shown;
    }
}
