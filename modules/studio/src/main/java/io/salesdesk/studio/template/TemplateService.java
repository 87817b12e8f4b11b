package io.salesdesk.studio.template;

import io.salesdesk.board.BoardService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.dispatch.DispatchWeights;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.BonusFormula;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.sla.SlaRuleService;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario templates (场景模板): shows what a template would add, installs it in one transaction,
 * uninstalls what it added and nobody changed since, and exports any configuration as a template.
 * Every item goes through its own area's service, so a template can do nothing a user could not do
 * by hand, and is checked as strictly.
 */
public final class TemplateService {

    private static final String DORMANT = "dormant";
    // How rules name a custom field (RuleFields.CUSTOM).
    private static final String CUSTOM = "custom.";

    private final Database db;
    private final Clock clock;
    private final String appVersion;
    private final WorkspaceConfig config;
    private final ConfigWriter writer;

    /** @param appVersion the running SalesDesk's version, which a template's {@code minAppVersion} must not pass */
    public TemplateService(Database db, Clock clock, String appVersion, CustomFieldService fields,
                           AutomationRuleService rules, BoardService boards, ApprovalService approvals,
                           SlaRuleService slas, FunnelService funnels, TierService tiers, StudioAreas studio) {
        this.db = db;
        this.clock = clock;
        this.appVersion = appVersion;
        this.config = new WorkspaceConfig(db, fields, rules, boards, approvals, slas, funnels, tiers, studio);
        this.writer = new ConfigWriter(db, clock, fields, rules, boards, approvals, slas, funnels, tiers, studio);
    }

    public String appVersion() {
        return appVersion;
    }

    /**
     * Whether the actor may install (and uninstall) the template: managers may add fields, rules, boards,
     * funnels and tier rules; approval flows, SLA rules, the bonus formula and dispatch weights are
     * company-wide and need a company-wide role.
     */
    public static boolean mayInstall(Actor actor, Template template) {
        boolean companyWide = !template.approvalFlows().isEmpty() || !template.slaRules().isEmpty()
                || template.bonusFormula() != null || template.dispatchWeights() != null;
        return companyWide ? actor.role().seesEverything() : CustomFieldService.mayConfigure(actor);
    }

    /** Reads and checks a template file. @throws TemplateException naming what is wrong */
    public Template read(InputStream in) {
        return TemplateFile.read(in, appVersion);
    }

    /** The templates that come with SalesDesk, in gallery order. */
    public List<Template> builtIns() {
        return BuiltInTemplates.all(appVersion);
    }

    /** The installed templates, oldest first. */
    public List<InstalledTemplate> installed() {
        return db.transactionResult(cfg -> TemplateInstallRepository.using(cfg, clock).all());
    }

    /** What installing the template would do now (an upgrade, if an older version is installed), without writing anything. */
    public InstallPlan plan(Template template) {
        return db.oneTransaction(cfg -> new InstallPlanner(config)
                .plan(template, TemplateInstallRepository.using(cfg, clock).find(template.id())));
    }

    /**
     * Installs a template in one transaction: every item of the plan is added (or switched back on, or the
     * setting replaced, or a choice field's missing choices added) and recorded, or, if any item is refused,
     * nothing is. Items the workspace already has are left as they are and reported in the plan returned.
     * A newer version of an installed template upgrades it in place: what the new version changed is updated
     * where nobody changed it since, kept (and listed) where someone did; what is new is added.
     *
     * @throws TemplateException if this version (or a newer one) is installed already, the actor may not
     *                           install it, an item conflicts with the workspace, or an item is refused (the
     *                           cause says why)
     */
    public InstallPlan install(Actor actor, Template template, Locale locale) {
        if (!mayInstall(actor, template)) {
            throw new TemplateException("template.install.notAllowed");
        }
        return db.oneTransaction(cfg -> {
            TemplateInstallRepository installs = TemplateInstallRepository.using(cfg, clock);
            Optional<InstalledTemplate> installed = installs.find(template.id());
            if (installed.isPresent() && installed.get().version() > template.version()) {
                throw new TemplateException("template.install.older", template.name().in(locale),
                        installed.get().version(), template.version());
            }
            if (installed.isPresent() && installed.get().version() == template.version()) {
                throw new TemplateException("template.install.already", template.name().in(locale));
            }
            InstallPlan plan = new InstallPlanner(config).plan(template, installed);
            if (!plan.conflicts().isEmpty()) {
                throw new TemplateException("template.install.conflict", plan.conflicts().get(0).label(),
                        plan.conflicts().size());
            }
            List<ConfigItem> wanted = TemplateItems.of(template);
            // An upgrade keeps the records of what it leaves alone; what it adds or updates is recorded anew.
            Map<String, InstalledTemplate.InstalledItem> records = new LinkedHashMap<>();
            installed.ifPresent(i -> i.items().forEach(r -> records.put(InstallPlanner.id(r.kind(), r.key()), r)));
            for (int i = 0; i < wanted.size(); i++) {
                PlanLine line = plan.lines().get(i);
                if (!line.changes()) {
                    continue;
                }
                String id = InstallPlanner.id(line.kind(), line.key());
                try {
                    InstalledTemplate.InstalledItem done = apply(actor, line, wanted.get(i), records.get(id));
                    if (done != null) {
                        records.put(id, done);
                    }
                } catch (SalesDeskException e) {
                    throw new TemplateException(e, "template.install.itemRefused", line.label());
                }
            }
            List<InstalledTemplate.InstalledItem> done = new ArrayList<>(records.values());
            if (installed.isPresent()) {
                installs.upgrade(actor, reason(template), installed.get(), template, template.name().in(locale), done);
            } else {
                installs.insert(actor, reason(template), Ids.newId(clock), template, template.name().in(locale), done);
            }
            return plan;
        });
    }

    /**
     * Uninstalls a template in one transaction: what it added and nobody changed since is removed (a
     * field retired, data kept; an SLA rule switched off), settings it replaced are put back; what was
     * changed since is kept and listed.
     */
    public UninstallReport uninstall(Actor actor, String templateId) {
        return db.oneTransaction(cfg -> {
            TemplateInstallRepository installs = TemplateInstallRepository.using(cfg, clock);
            InstalledTemplate installed = installs.find(templateId)
                    .orElseThrow(() -> new TemplateException("template.uninstall.notInstalled", templateId));
            if (!CustomFieldService.mayConfigure(actor)
                    || installed.items().stream().anyMatch(i -> companyWide(i.kind())) && !actor.role().seesEverything()) {
                throw new TemplateException("template.install.notAllowed");
            }
            List<PlanLine> removed = new ArrayList<>();
            List<PlanLine> kept = new ArrayList<>();
            List<PlanLine> gone = new ArrayList<>();
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.USER, "template " + templateId);
            // Install order backwards, by kind (an upgrade appends its new fields after the old rules): rules and
            // forms go before the fields they use.
            List<InstalledTemplate.InstalledItem> items = new ArrayList<>(installed.items());
            java.util.Collections.reverse(items);
            items.sort(java.util.Comparator.comparing((InstalledTemplate.InstalledItem i) -> i.kind()).reversed());
            for (InstalledTemplate.InstalledItem item : items) {
                // Settings and form layouts are one of a kind (per entity): found by key, the rest by id.
                Optional<ConfigItem> current = item.itemId() == null ? config.find(item.kind(), item.key())
                        : config.items(item.kind()).stream().filter(c -> item.itemId().equals(c.id())).findFirst();
                if (current.isEmpty()) {
                    gone.add(new PlanLine(item.kind(), item.key(), item.key(), PlanLine.Action.ADD));
                    continue;
                }
                ConfigItem now = current.get();
                PlanLine line = new PlanLine(item.kind(), item.key(), now.label(), PlanLine.Action.ADD);
                if (!ItemStates.state(now).equals(item.installedState())) {
                    kept.add(line);
                    continue;
                }
                remove(actor, reason, item, now);
                removed.add(line);
            }
            installs.delete(actor, reason, installed);
            return new UninstallReport(removed, kept, gone);
        });
    }

    /** Every item the workspace has that can go into a template, by kind (settings included). */
    public Map<ItemKind, List<ConfigItem>> exportable() {
        return db.oneTransaction(cfg -> {
            Map<ItemKind, List<ConfigItem>> all = new LinkedHashMap<>();
            for (ItemKind kind : ItemKind.values()) {
                all.put(kind, config.items(kind));
            }
            return all;
        });
    }

    /**
     * The chosen items as a template, ready to be written with {@link TemplateFile#write}.
     *
     * @param chosen items from {@link #exportable()}
     */
    public Template export(String id, int version, Template.Text name, Template.Text description,
                           List<ConfigItem> picked) {
        List<ConfigItem> chosen = withFieldsRulesUse(picked);
        List<Template.Field> f = new ArrayList<>();
        List<RuleDefinition> r = new ArrayList<>();
        List<Template.Board> b = new ArrayList<>();
        List<Template.Flow> fl = new ArrayList<>();
        List<Template.Sla> s = new ArrayList<>();
        List<Template.Funnel> fu = new ArrayList<>();
        List<Template.TierRuleItem> t = new ArrayList<>();
        List<Template.Form> forms = new ArrayList<>();
        List<Template.Onboarding> paths = new ArrayList<>();
        BonusFormula bonus = null;
        DispatchWeights dispatch = null;
        Template.Dashboard dashboard = null;
        for (ConfigItem c : chosen) {
            switch (c.kind()) {
                case FIELD -> f.add((Template.Field) c.item());
                case RULE -> r.add((RuleDefinition) c.item());
                case BOARD -> b.add((Template.Board) c.item());
                case FLOW -> fl.add((Template.Flow) c.item());
                case SLA -> s.add((Template.Sla) c.item());
                case FUNNEL -> fu.add((Template.Funnel) c.item());
                case TIER -> t.add((Template.TierRuleItem) c.item());
                case BONUS -> bonus = (BonusFormula) c.item();
                case DISPATCH -> dispatch = (DispatchWeights) c.item();
                case FORM -> forms.add((Template.Form) c.item());
                case ONBOARDING -> paths.add((Template.Onboarding) c.item());
                case DASHBOARD -> dashboard = (Template.Dashboard) c.item();
            }
        }
        return new Template(TemplateFile.FORMAT, id, version, appVersion, name, description, f, r, b, fl, s, fu, t,
                bonus, dispatch, forms, dashboard, paths);
    }

    /**
     * The chosen items and the custom fields their rules use: a rule exported without its field could not
     * be installed anywhere else.
     */
    private List<ConfigItem> withFieldsRulesUse(List<ConfigItem> chosen) {
        java.util.Set<String> have = new java.util.HashSet<>();
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        for (ConfigItem c : chosen) {
            if (c.kind() == ItemKind.FIELD) {
                have.add(c.key());
            } else if (c.kind() == ItemKind.RULE) {
                RuleDefinition r = (RuleDefinition) c.item();
                List<String> names = new ArrayList<>();
                names.add(r.trigger() == null ? null : r.trigger().field());
                r.conditions().rows().forEach(row -> names.add(row.field()));
                r.actions().forEach(a -> names.add(a.field()));
                names.stream().filter(n -> n != null && n.startsWith(CUSTOM))
                        .forEach(n -> used.add(WorkspaceConfig.fieldKey(io.salesdesk.studio.field.CustomEntity.CUSTOMER,
                                n.substring(CUSTOM.length()))));
            }
        }
        used.removeAll(have);
        if (used.isEmpty()) {
            return chosen;
        }
        List<ConfigItem> all = new ArrayList<>(chosen);
        config.items(ItemKind.FIELD).stream().filter(f -> used.contains(f.key())).forEach(all::add);
        return all;
    }

    // ------------------------------------------------------------------ one item

    /** Makes one line of the plan happen; returns what to record of it (null: nothing, a merged field is not ours). */
    private InstalledTemplate.InstalledItem apply(Actor actor, PlanLine line, ConfigItem wanted,
                                                  InstalledTemplate.InstalledItem before) {
        ItemKind kind = wanted.kind();
        String templateState = ItemStates.templateState(wanted);
        if (kind.setting()) {
            // The team's dashboard may not exist before: uninstall then removes it rather than putting one back.
            // An upgrade keeps the value from before the first install, which uninstall puts back.
            String previous = before != null ? before.previousValue()
                    : config.find(kind, wanted.key()).map(c -> TemplateFile.json(c.item())).orElse(null);
            writer.saveSetting(actor, kind, wanted.item());
            return new InstalledTemplate.InstalledItem(kind, wanted.key(), null,
                    ItemStates.state(config.find(kind, wanted.key()).orElseThrow()), previous, templateState);
        }
        switch (line.action()) {
            case RESTORE -> writer.switchOn(actor, config.find(kind, wanted.key()).orElseThrow(), true);
            case MERGE -> writer.addChoices(actor, config.find(kind, wanted.key()).orElseThrow(), line.note().values());
            case UPDATE -> writer.update(actor, config.find(kind, wanted.key()).orElseThrow(), wanted);
            default -> writer.add(actor, wanted);
        }
        if (line.action() == PlanLine.Action.MERGE) {
            return null;
        }
        ConfigItem now = config.find(kind, wanted.key())
                .orElseThrow(() -> new IllegalStateException("installed item not found: " + wanted.key()));
        String previous = line.action() == PlanLine.Action.RESTORE ? DORMANT
                : line.action() == PlanLine.Action.UPDATE ? before.previousValue() : null;
        return new InstalledTemplate.InstalledItem(kind, wanted.key(), now.id(), ItemStates.state(now), previous,
                templateState);
    }

    private void remove(Actor actor, ChangeReason reason, InstalledTemplate.InstalledItem item, ConfigItem now) {
        if (item.kind().setting()) {
            Class<?> type = switch (item.kind()) {
                case BONUS -> BonusFormula.class;
                case DISPATCH -> DispatchWeights.class;
                default -> Template.Dashboard.class;
            };
            writer.saveSetting(actor, item.kind(), item.previousValue() == null ? null
                    : TemplateFile.parse(item.previousValue(), type));
        } else if (DORMANT.equals(item.previousValue())) {
            // What the install switched back on is switched off again; what it added is removed.
            writer.switchOn(actor, now, false);
        } else {
            writer.remove(actor, reason, now);
        }
    }

    private static boolean companyWide(ItemKind kind) {
        return kind == ItemKind.FLOW || kind == ItemKind.SLA || kind == ItemKind.BONUS || kind == ItemKind.DISPATCH;
    }

    private static ChangeReason reason(Template template) {
        return ChangeReason.of(ChangeReason.Kind.USER, "template " + template.id() + " v" + template.version());
    }
}
