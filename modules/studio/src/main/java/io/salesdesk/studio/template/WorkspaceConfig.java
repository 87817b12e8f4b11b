package io.salesdesk.studio.template;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardService;
import io.salesdesk.db.Database;
import io.salesdesk.dispatch.DispatchSettings;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.TierRule;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.form.BuiltInFields;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.FlowSummary;
import io.salesdesk.workflow.sla.SlaRule;
import io.salesdesk.workflow.sla.SlaRuleService;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's configuration as template items: every field, rule, board, flow, SLA rule, funnel and
 * tier rule, and the two settings, each under the key a template names it by. Reads go through each
 * area's service (inside an install they join its transaction).
 */
final class WorkspaceConfig {

    static final String BONUS_KEY = "bonusFormula";
    static final String DISPATCH_KEY = "dispatchWeights";
    static final String DASHBOARD_KEY = "dashboardLayout";

    private final Database db;
    private final CustomFieldService fields;
    private final AutomationRuleService rules;
    private final BoardService boards;
    private final ApprovalService approvals;
    private final SlaRuleService slas;
    private final FunnelService funnels;
    private final TierService tiers;
    private final StudioAreas studio;

    WorkspaceConfig(Database db, CustomFieldService fields, AutomationRuleService rules, BoardService boards,
                    ApprovalService approvals, SlaRuleService slas, FunnelService funnels, TierService tiers,
                    StudioAreas studio) {
        this.db = db;
        this.fields = fields;
        this.rules = rules;
        this.boards = boards;
        this.approvals = approvals;
        this.slas = slas;
        this.funnels = funnels;
        this.tiers = tiers;
        this.studio = studio;
    }

    /** Everything of a kind. */
    List<ConfigItem> items(ItemKind kind) {
        List<ConfigItem> items = new ArrayList<>();
        switch (kind) {
            case FIELD -> {
                for (CustomEntity entity : CustomEntity.values()) {
                    fields.allFields(entity).forEach(f -> items.add(field(f)));
                }
            }
            case RULE -> rules.rules().forEach(r -> items.add(rule(r)));
            case BOARD -> {
                for (BoardKind k : BoardKind.values()) {
                    boards.boards(k).forEach(b -> items.add(board(b)));
                }
            }
            case FLOW -> approvals.flows().forEach(f -> items.add(flow(f)));
            case SLA -> slas.rules().forEach(s -> items.add(sla(s)));
            case FUNNEL -> funnels.funnels().forEach(f -> items.add(funnel(f)));
            case TIER -> tiers.rules().forEach(t -> items.add(tier(t)));
            case BONUS -> items.add(new ConfigItem(kind, BONUS_KEY, BONUS_KEY, null, tiers.formula(), false, 0));
            case DISPATCH -> items.add(new ConfigItem(kind, DISPATCH_KEY, DISPATCH_KEY, null,
                    db.transactionResult(cfg -> DispatchSettings.using(cfg).weights()), false, 0));
            case FORM -> {
                // Only a layout someone saved is configuration; the default one is what every workspace has.
                for (CustomEntity entity : CustomEntity.values()) {
                    if (BuiltInFields.designable(entity)) {
                        FormLayout layout = studio.forms().layout(entity);
                        if (layout.saved()) {
                            items.add(form(layout));
                        }
                    }
                }
            }
            case ONBOARDING -> studio.onboarding().paths().forEach(p -> items.add(onboarding(p)));
            case DASHBOARD -> studio.dashboards().teamDefault().ifPresent(w -> items.add(new ConfigItem(kind,
                    DASHBOARD_KEY, DASHBOARD_KEY, null, new Template.Dashboard(w), false, 0)));
        }
        return items;
    }

    /** The item of a kind with a key, if the workspace has one. */
    java.util.Optional<ConfigItem> find(ItemKind kind, String key) {
        return items(kind).stream().filter(i -> i.key().equals(key)).findFirst();
    }

    static String fieldKey(CustomEntity entity, String key) {
        return entity.name() + "/" + key;
    }

    static String boardKey(BoardKind kind, String name) {
        return kind.name() + "/" + name;
    }

    static String flowKey(String entity, String action) {
        return entity + "/" + action;
    }

    private static ConfigItem field(CustomField f) {
        Template.Field item = new Template.Field(f.entity(), f.key(), f.label(), f.type(), f.choices(), f.required(),
                f.defaultValue(), f.helpText());
        return new ConfigItem(ItemKind.FIELD, fieldKey(f.entity(), f.key()), f.label(), f.id(), item, f.retired(), f.version());
    }

    private static ConfigItem rule(AutomationRule r) {
        return new ConfigItem(ItemKind.RULE, r.definition().name(), r.definition().name(), r.id(), r.definition(),
                !r.definition().enabled(), r.version());
    }

    private static ConfigItem board(Board b) {
        return new ConfigItem(ItemKind.BOARD, boardKey(b.kind(), b.name()), b.name(), b.id(),
                new Template.Board(b.kind(), b.name(), b.definition()), false, b.version());
    }

    private ConfigItem flow(FlowSummary f) {
        Template.Flow item = new Template.Flow(f.entity(), f.action(), f.name(),
                approvals.flow(f.entity(), f.action()).orElse(null));
        return new ConfigItem(ItemKind.FLOW, flowKey(f.entity(), f.action()), f.name(), f.id(), item, false, f.currentVersion());
    }

    private static ConfigItem sla(SlaRule s) {
        Template.Sla item = new Template.Sla(s.code(), s.name(), s.subject(), s.sinceField(), s.tier(),
                s.remindAfterMinutes(), s.escalateAfterMinutes(), s.notifyManager(), s.workingTime());
        return new ConfigItem(ItemKind.SLA, s.code(), s.name(), s.id(), item, !s.enabled(), s.version());
    }

    private static ConfigItem funnel(Funnel f) {
        Template.Funnel item = new Template.Funnel(f.name(), f.productFilter(),
                f.nodes().stream().map(FunnelSteps::step).toList());
        return new ConfigItem(ItemKind.FUNNEL, f.name(), f.name(), f.id(), item, !f.enabled(), f.version());
    }

    private static ConfigItem form(FormLayout l) {
        return new ConfigItem(ItemKind.FORM, l.entity().name(), l.entity().name(), null,
                new Template.Form(l.entity(), l.sections()), false, l.version());
    }

    private static ConfigItem onboarding(OnboardingPath p) {
        return new ConfigItem(ItemKind.ONBOARDING, p.name(), p.name(), p.id(),
                new Template.Onboarding(p.name(), p.description(), p.definition().stages()), false, p.version());
    }

    private static ConfigItem tier(TierRule t) {
        return new ConfigItem(ItemKind.TIER, t.name(), t.name(), t.id(),
                new Template.TierRuleItem(t.name(), t.tier(), t.activityKind(), t.count(), t.period()), !t.enabled(),
                t.version());
    }
}
