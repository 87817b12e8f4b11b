package io.salesdesk.studio.ledger;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserService;
import io.salesdesk.ledger.imports.ExtraColumns;
import io.salesdesk.ledger.imports.LedgerEntities;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;

/** Adds the custom fields of each entity that has them to its ledger import and export. */
public final class CustomFieldLedgers {

    private CustomFieldLedgers() {
    }

    /** The entities, each with its custom fields as columns it imports and exports. */
    public static LedgerEntities withCustomFields(LedgerEntities entities, CustomFieldService customFields,
            UserService users, RegionService regions, Clock clock) {
        return entities.map(
                target -> CustomLedgerFields.entityOf(target.entity().key())
                        .<io.salesdesk.ledger.imports.ImportTarget>map(entity ->
                                new CustomFieldImportTarget(target, entity, customFields, users, regions, clock))
                        .orElse(target),
                target -> CustomLedgerFields.entityOf(target.entity().key())
                        .map(entity -> target.withExtraColumns(new CustomFieldColumns(entity, customFields, users, regions)))
                        .orElse(target));
    }

    /** The custom fields of an entity as extra columns of an exporter built on its own (the list's 导出). */
    public static ExtraColumns columns(CustomEntity entity, CustomFieldService customFields, UserService users,
            RegionService regions) {
        return new CustomFieldColumns(entity, customFields, users, regions);
    }
}
