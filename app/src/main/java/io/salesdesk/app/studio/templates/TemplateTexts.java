package io.salesdesk.app.studio.templates;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.studio.template.ConfigItem;
import io.salesdesk.studio.template.ItemKind;
import io.salesdesk.studio.template.PlanLine;
import io.salesdesk.studio.template.Template;
import io.salesdesk.studio.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How templates and their items read in the gallery, the plan and the uninstall report. */
final class TemplateTexts {

    private TemplateTexts() {
    }

    static String name(Template t) {
        return t.name().in(I18n.locale());
    }

    static String description(Template t) {
        return t.description() == null ? "" : t.description().in(I18n.locale());
    }

    /** What a template adds, counted by kind: "3 个字段 · 1 条自动化规则 · 1 个看板". */
    static String contents(Template t) {
        Map<ItemKind, Integer> counts = new LinkedHashMap<>();
        counts.put(ItemKind.FIELD, t.customFields().size());
        counts.put(ItemKind.RULE, t.automationRules().size());
        counts.put(ItemKind.BOARD, t.boards().size());
        counts.put(ItemKind.FLOW, t.approvalFlows().size());
        counts.put(ItemKind.SLA, t.slaRules().size());
        counts.put(ItemKind.FUNNEL, t.funnels().size());
        counts.put(ItemKind.TIER, t.tierRules().size());
        counts.put(ItemKind.BONUS, t.bonusFormula() == null ? 0 : 1);
        counts.put(ItemKind.DISPATCH, t.dispatchWeights() == null ? 0 : 1);
        counts.put(ItemKind.FORM, t.formLayouts().size());
        counts.put(ItemKind.ONBOARDING, t.onboardingPaths().size());
        counts.put(ItemKind.DASHBOARD, t.dashboardLayout() == null ? 0 : 1);
        int nodes = t.funnels().stream().mapToInt(f -> f.nodes().size()).sum();
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> I18n.get("templates.count." + e.getKey().name(), e.getValue(), nodes))
                .collect(Collectors.joining(" · "));
    }

    /** One line of a plan or report: "字段 · 医院等级". */
    static String line(PlanLine line) {
        // A setting is one of a kind: its name says it all ("线索派单权重").
        String text = line.kind().setting() ? I18n.get("templates.setting." + line.kind().name())
                : I18n.get("templates.kind." + line.kind().name()) + " · " + label(line.kind(), line.label());
        if (line.existingLabel() != null) {
            text = I18n.get("templates.plan.existsAs", text, line.existingLabel());
        }
        return line.note() == null ? text : note(text, line.note());
    }

    /** Why: the choices a field gets, or what a conflict is about, field types in words. */
    private static String note(String text, PlanLine.Note note) {
        List<String> v = note.values();
        return switch (note.reason()) {
            case CHOICES_ADDED -> I18n.get("templates.note.CHOICES_ADDED", text, String.join("、", v));
            case TYPE_DIFFERS -> I18n.get("templates.note.TYPE_DIFFERS", text, I18n.get("studio.type." + v.get(0)),
                    I18n.get("studio.type." + v.get(1)));
            case LABEL_TAKEN -> I18n.get("templates.note.LABEL_TAKEN", text, v.get(0));
        };
    }

    /** An item of the workspace as the export list shows it, under its kind's heading. */
    static String item(ConfigItem item) {
        String label = item.kind().setting() ? I18n.get("templates.setting." + item.kind().name())
                : label(item.kind(), item.label());
        if (item.item() instanceof Template.Field f) {
            label = I18n.get("studio.entity." + f.entity().name()) + " · " + label;
        }
        return item.dormant() ? I18n.get("templates.export.off", label) : label;
    }

    /** A form layout is named by its entity ("客户"); every other item by its own name. */
    private static String label(ItemKind kind, String label) {
        return kind == ItemKind.FORM ? I18n.get("studio.entity." + label) : label;
    }

    static String lines(List<PlanLine> lines) {
        return lines.stream().map(l -> "• " + line(l)).collect(Collectors.joining("\n"));
    }

    /**
     * What went wrong, in the user's language; an item the install could not add says which item and why,
     * every problem of the item named.
     */
    static String error(Throwable error) {
        if (error instanceof TemplateException t && t.getCause() instanceof SalesDeskException cause) {
            return I18n.get(t.messageKey(), t.arguments()[0], cause(cause));
        }
        return I18n.message(error);
    }

    private static String cause(SalesDeskException cause) {
        if (cause instanceof ValidationException v && !v.problems().isEmpty()) {
            List<String> texts = new ArrayList<>();
            v.problems().forEach(p -> texts.add(I18n.get(p.messageKey(), p.arguments().toArray())));
            return String.join("；", texts);
        }
        return I18n.message(cause);
    }
}
