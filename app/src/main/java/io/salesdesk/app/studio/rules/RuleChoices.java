package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.rule.RuleDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rule builder offers to pick from, read once off the FX thread before the dialog opens: the
 * fields of each entity rules run on, the people, the provinces and the opportunity stages.
 */
record RuleChoices(Map<String, List<RuleField>> fieldsByEntity, List<RuleValueInput.Option> users,
                   List<RuleValueInput.Option> provinces, List<RuleValueInput.Option> stages) {

    /** Nothing loaded yet. */
    static RuleChoices none() {
        return new RuleChoices(Map.of(), List.of(), List.of(), List.of());
    }

    static RuleChoices load(AppContext context) {
        Map<String, List<RuleField>> fields = new LinkedHashMap<>();
        for (String entity : RuleDefinition.ENTITIES) {
            fields.put(entity, RuleField.all(context, entity));
        }
        boolean chinese = I18n.locale().getLanguage().equals("zh");
        return new RuleChoices(fields,
                context.users().all().stream().map(u -> new RuleValueInput.Option(u.id().toString(), u.displayName()))
                        .toList(),
                context.regions().provinces().stream().map(r -> new RuleValueInput.Option(r.code(), r.name())).toList(),
                context.opportunities().stages().stream()
                        .map(s -> new RuleValueInput.Option(s.code(), chinese ? s.nameZh() : s.nameEn())).toList());
    }

    /** The fields of an entity's records (customer fields for a rule saved before entities were chosen). */
    List<RuleField> fields(String entity) {
        return fieldsByEntity.getOrDefault(entity == null ? RuleDefinition.CUSTOMER : entity, List.of());
    }

    boolean loaded() {
        return !fieldsByEntity.isEmpty();
    }
}
