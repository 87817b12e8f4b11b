package io.salesdesk.bench;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two custom fields on every benchmark customer, added once to the workspace: 床位数 (a number from
 * 50 to 2,000, set on nine customers in ten) and 医院等级 (one of four levels, on every customer).
 */
final class CustomFieldWorkspace {

    static final String BEDS = "bench_beds";
    static final String LEVEL = "bench_level";
    static final List<String> LEVELS = List.of("三甲", "三乙", "二甲", "二乙");

    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldWorkspace.class);
    private static final int CHUNK = 2_000;

    final CustomFieldService studio;
    final CustomField beds;
    final CustomField level;

    private CustomFieldWorkspace(CustomFieldService studio, CustomField beds, CustomField level) {
        this.studio = studio;
        this.beds = beds;
        this.level = level;
    }

    static CustomFieldWorkspace open(BenchWorkspace workspace) {
        CustomFieldService studio = new CustomFieldService(workspace.db, java.time.Clock.systemUTC());
        Actor admin = workspace.admin.asActor();
        List<CustomField> fields = studio.fields(CustomEntity.CUSTOMER);
        CustomField beds = fields.stream().filter(f -> f.key().equals(BEDS)).findFirst().orElse(null);
        CustomField level = fields.stream().filter(f -> f.key().equals(LEVEL)).findFirst().orElse(null);
        if (beds == null || level == null) {
            beds = studio.define(admin, CustomEntity.CUSTOMER,
                    new CustomFieldDraft("床位数", BEDS, FieldType.NUMBER, List.of(), false, null, null));
            level = studio.define(admin, CustomEntity.CUSTOMER,
                    new CustomFieldDraft("医院等级", LEVEL, FieldType.SINGLE_CHOICE, LEVELS, false, null, null));
            fill(workspace, studio, admin);
        }
        return new CustomFieldWorkspace(studio, beds, level);
    }

    private static void fill(BenchWorkspace workspace, CustomFieldService studio, Actor admin) {
        List<UUID> ids = new ArrayList<>();
        workspace.customers.forEach(admin, CustomerQuery.all(), c -> ids.add(c.id()));
        LOG.warn("Adding custom values to {} benchmark customers (once)", ids.size());
        Random random = new Random(20261128L);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            workspace.db.transaction(cfg -> {
                for (UUID id : chunk) {
                    Map<String, String> values = new java.util.HashMap<>();
                    if (random.nextInt(10) > 0) {
                        values.put(BEDS, Integer.toString(50 + random.nextInt(1_951)));
                    }
                    values.put(LEVEL, LEVELS.get(random.nextInt(LEVELS.size())));
                    studio.setValues(cfg, admin, CustomEntity.CUSTOMER, id, values);
                }
            });
        }
    }
}
