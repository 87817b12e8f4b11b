package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import java.util.List;

/**
 * What the rule builder offers to pick from, read once off the FX thread before the dialog opens: the
 * fields, the people and the provinces.
 */
record RuleChoices(List<RuleField> fields, List<RuleValueInput.Option> users, List<RuleValueInput.Option> provinces) {

    static RuleChoices load(AppContext context) {
        return new RuleChoices(RuleField.all(context),
                context.users().all().stream().map(u -> new RuleValueInput.Option(u.id().toString(), u.displayName()))
                        .toList(),
                context.regions().provinces().stream().map(r -> new RuleValueInput.Option(r.code(), r.name())).toList());
    }
}
