package io.salesdesk.app.studio.rules;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.BoardKind;
import io.salesdesk.studio.rule.RuleDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the rule builder offers to pick from, read once off the FX thread before the dialog opens: the
 * fields of each entity rules run on, the people, the provinces, the opportunity stages and the boards.
 */
record RuleChoices(Map<String, List<RuleField>> fieldsByEntity, List<RuleValueInput.Option> users,
                   List<RuleValueInput.Option> provinces, List<RuleValueInput.Option> stages,
                   Map<String, List<BoardChoice>> boardsByEntity) {

    /** A board a rule can move the entity's cards on, with its columns. */
    record BoardChoice(UUID id, String name, List<RuleValueInput.Option> columns) {
    }

    /** Nothing loaded yet. */
    static RuleChoices none() {
        return new RuleChoices(Map.of(), List.of(), List.of(), List.of(), Map.of());
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
                        .map(s -> new RuleValueInput.Option(s.code(), chinese ? s.nameZh() : s.nameEn())).toList(),
                Map.of(RuleDefinition.CUSTOMER, boards(context, BoardKind.CUSTOMER, chinese),
                        RuleDefinition.OPPORTUNITY, boards(context, BoardKind.OPPORTUNITY, chinese)));
    }

    private static List<BoardChoice> boards(AppContext context, BoardKind kind, boolean chinese) {
        return context.boards().boards(kind).stream().map(b -> new BoardChoice(b.id(), b.name(),
                context.boards().columns(b).stream().map(c -> new RuleValueInput.Option(c.key(),
                        chinese ? c.nameZh() : c.nameEn())).toList())).toList();
    }

    /** The boards whose cards are the entity's records: customer boards, pipeline boards; none for leads. */
    List<BoardChoice> boards(String entity) {
        return boardsByEntity.getOrDefault(entity == null ? RuleDefinition.CUSTOMER : entity, List.of());
    }

    /** The fields of an entity's records (customer fields for a rule saved before entities were chosen). */
    List<RuleField> fields(String entity) {
        return fieldsByEntity.getOrDefault(entity == null ? RuleDefinition.CUSTOMER : entity, List.of());
    }

    boolean loaded() {
        return !fieldsByEntity.isEmpty();
    }
}
