package io.salesdesk.studio.template;

import java.util.ArrayList;
import java.util.List;

/** A template's contents as items in install order, each under the key the workspace knows it by. */
final class TemplateItems {

    private TemplateItems() {
    }

    static List<ConfigItem> of(Template t) {
        List<ConfigItem> items = new ArrayList<>();
        t.customFields().forEach(f -> items.add(item(ItemKind.FIELD, WorkspaceConfig.fieldKey(f.entity(), f.key()),
                f.label(), f)));
        t.automationRules().forEach(r -> items.add(item(ItemKind.RULE, r.name(), r.name(), r)));
        t.boards().forEach(b -> items.add(item(ItemKind.BOARD, WorkspaceConfig.boardKey(b.kind(), b.name()), b.name(),
                b)));
        t.approvalFlows().forEach(f -> items.add(item(ItemKind.FLOW, WorkspaceConfig.flowKey(f.entity(), f.action()),
                f.name(), f)));
        t.slaRules().forEach(s -> items.add(item(ItemKind.SLA, s.code(), s.name(), s)));
        t.funnels().forEach(f -> items.add(item(ItemKind.FUNNEL, f.name(), f.name(), f)));
        t.tierRules().forEach(r -> items.add(item(ItemKind.TIER, r.name(), r.name(), r)));
        if (t.bonusFormula() != null) {
            items.add(item(ItemKind.BONUS, WorkspaceConfig.BONUS_KEY, WorkspaceConfig.BONUS_KEY, t.bonusFormula()));
        }
        if (t.dispatchWeights() != null) {
            items.add(item(ItemKind.DISPATCH, WorkspaceConfig.DISPATCH_KEY, WorkspaceConfig.DISPATCH_KEY,
                    t.dispatchWeights()));
        }
        t.formLayouts().forEach(f -> items.add(item(ItemKind.FORM, f.entity().name(), f.entity().name(), f)));
        t.onboardingPaths().forEach(p -> items.add(item(ItemKind.ONBOARDING, p.name(), p.name(), p)));
        if (t.dashboardLayout() != null) {
            items.add(item(ItemKind.DASHBOARD, WorkspaceConfig.DASHBOARD_KEY, WorkspaceConfig.DASHBOARD_KEY,
                    t.dashboardLayout()));
        }
        return items;
    }

    private static ConfigItem item(ItemKind kind, String key, String label, Object item) {
        return new ConfigItem(kind, key, label, null, item, false, 0);
    }
}
