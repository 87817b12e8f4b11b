package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.studio.rule.RuleDefinition;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the automation rules on a record a user has just saved, so that a rule acts at once rather than at
 * the next minute run. It runs in the background after the save went through; a failure is logged, never
 * shown to the user, whose save succeeded (the minute run tries the record again).
 */
public final class RulesOnSave {

    private static final Logger LOG = LoggerFactory.getLogger(RulesOnSave.class);

    private RulesOnSave() {
    }

    public static void customer(AppContext context, UUID id) {
        run(context, RuleDefinition.CUSTOMER, id);
    }

    public static void lead(AppContext context, UUID id) {
        run(context, RuleDefinition.LEAD, id);
    }

    public static void opportunity(AppContext context, UUID id) {
        run(context, RuleDefinition.OPPORTUNITY, id);
    }

    /** @param entity {@link RuleDefinition#CUSTOMER}, LEAD or OPPORTUNITY */
    public static void run(AppContext context, String entity, UUID id) {
        if (id == null) {
            return;
        }
        BackgroundTask.wrap(() -> context.ruleRunner().runFor(entity, id))
                .onFailure(error -> LOG.warn("Automation rules could not run on the saved {} {}", entity, id, error))
                .executeWith(context.executor());
    }
}
