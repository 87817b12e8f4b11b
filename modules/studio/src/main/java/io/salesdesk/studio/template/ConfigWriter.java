package io.salesdesk.studio.template;

import io.salesdesk.board.BoardService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.db.Database;
import io.salesdesk.dispatch.DispatchSettings;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.insight.funnel.Funnel;
import io.salesdesk.insight.funnel.FunnelNode;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.BonusFormula;
import io.salesdesk.insight.tier.TierRule;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.sla.SlaRule;
import io.salesdesk.workflow.sla.SlaRuleService;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes template items into the workspace, each through its own area's service (so a template is
 * checked as strictly as a hand edit): adds, removes, switches on and off, and saves the two settings.
 * Inside {@link Database#oneTransaction} every write joins the install's or uninstall's transaction.
 */
final class ConfigWriter {

    private final Database db;
    private final Clock clock;
    private final CustomFieldService fields;
    private final AutomationRuleService rules;
    private final BoardService boards;
    private final ApprovalService approvals;
    private final SlaRuleService slas;
    private final FunnelService funnels;
    private final TierService tiers;
    private final StudioAreas studio;

    ConfigWriter(Database db, Clock clock, CustomFieldService fields, AutomationRuleService rules, BoardService boards,
                 ApprovalService approvals, SlaRuleService slas, FunnelService funnels, TierService tiers,
                 StudioAreas studio) {
        this.db = db;
        this.clock = clock;
        this.fields = fields;
        this.rules = rules;
        this.boards = boards;
        this.approvals = approvals;
        this.slas = slas;
        this.funnels = funnels;
        this.tiers = tiers;
        this.studio = studio;
    }

    /**
     * Replaces the bonus formula, the dispatch weights or the team's dashboard (a null dashboard: none, so
     * everyone sees the built-in one again).
     */
    void saveSetting(Actor actor, ItemKind kind, Object value) {
        if (kind == ItemKind.BONUS) {
            tiers.saveFormula(actor, (BonusFormula) value);
        } else if (kind == ItemKind.DASHBOARD) {
            if (value == null) {
                db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock).deleteTeamDashboard());
            } else {
                studio.dashboards().saveTeamDefault(actor, ((Template.Dashboard) value).widgets());
            }
        } else {
            db.transaction(cfg -> DispatchSettings.using(cfg).save((DispatchWeights) value));
        }
    }

    /** Adds a template's item through its area's service. */
    void add(Actor actor, ConfigItem wanted) {
        switch (wanted.kind()) {
            case FIELD -> {
                Template.Field f = (Template.Field) wanted.item();
                fields.define(actor, f.entity(), new CustomFieldDraft(f.label(), f.key(), f.type(), f.choices(),
                        f.required(), f.defaultValue(), f.helpText()));
            }
            case RULE -> rules.save(actor, null, 0, (RuleDefinition) wanted.item());
            case BOARD -> {
                Template.Board b = (Template.Board) wanted.item();
                boards.create(actor, b.kind(), b.name(), b.definition());
            }
            case FLOW -> {
                Template.Flow f = (Template.Flow) wanted.item();
                approvals.saveFlow(actor, f.entity(), f.action(), f.name(), f.definition());
            }
            case SLA -> {
                Template.Sla s = (Template.Sla) wanted.item();
                slas.save(actor, new SlaRule(null, s.code(), s.name(), s.subject(), s.sinceField(), s.tier(),
                        s.remindAfterMinutes(), s.escalateAfterMinutes(), s.notifyManager(),
                        s.workingTime(), true, null, null, null, null, 0, 0));
            }
            case FUNNEL -> {
                Template.Funnel f = (Template.Funnel) wanted.item();
                List<FunnelNode> nodes = IntStream.range(0, f.nodes().size())
                        .mapToObj(i -> FunnelSteps.node(f.nodes().get(i), i + 1)).toList();
                funnels.save(actor, new Funnel(null, f.name(), f.productFilter(), true, 0, nodes));
            }
            case TIER -> {
                Template.TierRuleItem t = (Template.TierRuleItem) wanted.item();
                tiers.save(actor, new TierRule(null, t.name(), t.tier(), t.activityKind(), t.count(), t.period(), true,
                        0));
            }
            case FORM -> {
                Template.Form f = (Template.Form) wanted.item();
                studio.forms().save(actor, f.entity(), studio.forms().layout(f.entity()).version(), f.sections());
            }
            case ONBOARDING -> {
                Template.Onboarding o = (Template.Onboarding) wanted.item();
                studio.onboarding().define(actor, o.name(), o.description(), o.definition());
            }
            default -> throw new IllegalArgumentException(wanted.kind().name());
        }
    }

    /** Adds choices to a choice field the workspace has (the template's it lacked), after its own. */
    void addChoices(Actor actor, ConfigItem field, List<String> choices) {
        Template.Field f = (Template.Field) field.item();
        List<String> all = new java.util.ArrayList<>(f.choices());
        all.addAll(choices);
        fields.update(actor, field.id(), field.version(), new CustomFieldDraft(f.label(), f.key(), f.type(), all,
                f.required(), f.defaultValue(), f.helpText()));
    }

    /**
     * Makes an item the workspace has what a newer version of its template says, through its area's service
     * (an onboarding path, which has no edit, is replaced: hires on it keep their copy).
     */
    void update(Actor actor, ConfigItem now, ConfigItem wanted) {
        switch (now.kind()) {
            case FIELD -> {
                Template.Field f = (Template.Field) wanted.item();
                fields.update(actor, now.id(), now.version(), new CustomFieldDraft(f.label(), f.key(), f.type(),
                        f.choices(), f.required(), f.defaultValue(), f.helpText()));
            }
            case RULE -> rules.save(actor, now.id(), now.version(), (RuleDefinition) wanted.item());
            case BOARD -> {
                Template.Board b = (Template.Board) wanted.item();
                boards.update(actor, now.id(), now.version(), b.name(), b.definition());
            }
            case FLOW -> add(actor, wanted); // a flow saved again is its next version
            case SLA -> {
                Template.Sla w = (Template.Sla) wanted.item();
                SlaRule s = slas.rules().stream().filter(r -> r.id().equals(now.id())).findFirst().orElseThrow();
                slas.save(actor, new SlaRule(s.id(), s.code(), w.name(), w.subject(), w.sinceField(), w.tier(),
                        w.remindAfterMinutes(), w.escalateAfterMinutes(), w.notifyManager(), w.workingTime(),
                        s.enabled(), null, s.activeSince(), s.remindScannedTo(), s.escalateScannedTo(), s.sortOrder(),
                        s.version()));
            }
            case FUNNEL -> {
                Template.Funnel f = (Template.Funnel) wanted.item();
                List<FunnelNode> nodes = IntStream.range(0, f.nodes().size())
                        .mapToObj(i -> FunnelSteps.node(f.nodes().get(i), i + 1)).toList();
                funnels.save(actor, new Funnel(now.id(), f.name(), f.productFilter(), !now.dormant(), now.version(),
                        nodes));
            }
            case TIER -> {
                Template.TierRuleItem t = (Template.TierRuleItem) wanted.item();
                tiers.save(actor, new TierRule(now.id(), t.name(), t.tier(), t.activityKind(), t.count(), t.period(),
                        !now.dormant(), now.version()));
            }
            case FORM -> {
                Template.Form f = (Template.Form) wanted.item();
                studio.forms().save(actor, f.entity(), now.version(), f.sections());
            }
            case ONBOARDING -> {
                db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock)
                        .deletePath(actor, ChangeReason.user(), now.id()));
                add(actor, wanted);
            }
            default -> throw new IllegalArgumentException(now.kind().name());
        }
    }

    /** Removes an item an install added: see {@link TemplateService#uninstall} for what removing means per kind. */
    void remove(Actor actor, ChangeReason reason, ConfigItem now) {
        switch (now.kind()) {
            case FIELD -> fields.retire(actor, now.id(), now.version());
            case RULE -> rules.delete(actor, now.id(), now.version());
            case BOARD -> db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock)
                    .deleteBoard(actor, reason, now.id()));
            case FLOW -> db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock)
                    .deleteFlow(actor, reason, now.id()));
            case SLA -> switchOn(actor, now, false); // SLA rules are switched off, never deleted (their lapses refer to them)
            case FUNNEL -> db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock)
                    .deleteFunnel(actor, reason, now.id()));
            case TIER -> tiers.delete(actor, tiers.rules().stream().filter(t -> t.id().equals(now.id())).findFirst()
                    .orElseThrow());
            // The form goes back to the default layout; hires on a removed path keep their copy of it.
            case FORM -> studio.forms().reset(actor, ((Template.Form) now.item()).entity(), now.version());
            case ONBOARDING -> db.transaction(cfg -> RemovableConfigRepository.using(cfg, clock)
                    .deletePath(actor, reason, now.id()));
            default -> throw new IllegalArgumentException(now.kind().name());
        }
    }

    /** Switches an item on or off (a field restored or retired, a rule, SLA rule, funnel or tier rule enabled or not). */
    void switchOn(Actor actor, ConfigItem item, boolean on) {
        switch (item.kind()) {
            case FIELD -> {
                if (on) {
                    fields.restore(actor, item.id(), item.version());
                } else {
                    fields.retire(actor, item.id(), item.version());
                }
            }
            case RULE -> {
                AutomationRule rule = rules.find(item.id()).orElseThrow();
                rules.setEnabled(actor, rule, on);
            }
            case SLA -> {
                SlaRule s = slas.rules().stream().filter(r -> r.id().equals(item.id())).findFirst().orElseThrow();
                slas.save(actor, new SlaRule(s.id(), s.code(), s.name(), s.subject(), s.sinceField(), s.tier(),
                        s.remindAfterMinutes(), s.escalateAfterMinutes(), s.notifyManager(), s.workingTime(), on,
                        null, s.activeSince(), s.remindScannedTo(), s.escalateScannedTo(), s.sortOrder(), s.version()));
            }
            case FUNNEL -> {
                Funnel f = funnels.funnels().stream().filter(x -> x.id().equals(item.id())).findFirst().orElseThrow();
                funnels.save(actor, new Funnel(f.id(), f.name(), f.productFilter(), on, f.version(), f.nodes()));
            }
            case TIER -> {
                TierRule t = tiers.rules().stream().filter(x -> x.id().equals(item.id())).findFirst().orElseThrow();
                tiers.save(actor, new TierRule(t.id(), t.name(), t.tier(), t.activityKind(), t.count(), t.period(), on,
                        t.version()));
            }
            default -> throw new IllegalArgumentException(item.kind().name());
        }
    }
}
