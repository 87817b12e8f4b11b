package io.salesdesk.studio.template;

import io.salesdesk.board.BoardService;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.studio.dashboard.DashboardLayoutService;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.form.FormLayoutService;
import io.salesdesk.studio.onboarding.OnboardingService;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleRunner;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.sla.SlaRuleService;
import io.salesdesk.workflow.sla.SlaScanner;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A workspace with its sales org, every service a template touches, and the template service itself. */
final class TemplateWorkspace {

    static final String APP_VERSION = "0.1.0";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:30:00Z"));
    final SalesOrgFixture org;
    final User legal;
    final User finance;
    final User gm;
    final CustomFieldService fields;
    final AutomationRuleService rules;
    final BoardService boards;
    final ApprovalService approvals;
    final SlaRuleService slas;
    final FunnelService funnels;
    final TierService tiers;
    final TaskService tasks;
    final EscalationService escalations;
    final FormLayoutService forms;
    final DashboardLayoutService dashboards;
    final OnboardingService onboarding;
    final TemplateService templates;

    TemplateWorkspace(Database db) {
        this.db = db;
        org = new SalesOrgFixture(db, clock);
        User[] extra = db.transactionResult(cfg -> {
            UserRepository users = UserRepository.using(cfg, clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            return new User[] {user(users, reason, "legal", "法务孙", Role.LEGAL),
                    user(users, reason, "finance", "财务吴", Role.FINANCE), user(users, reason, "gm", "总经理郑", Role.GM)};
        });
        legal = extra[0];
        finance = extra[1];
        gm = extra[2];
        fields = new CustomFieldService(db, clock);
        rules = new AutomationRuleService(db, clock, fields, ZH);
        boards = new BoardService(db, clock, List.of());
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), ZH);
        slas = new SlaRuleService(db, clock);
        funnels = new FunnelService(db, clock, new FunnelScanner(db, clock, ZH));
        tiers = new TierService(db, clock);
        tasks = new TaskService(db, clock);
        escalations = new EscalationService(db, clock);
        forms = new FormLayoutService(db, clock, ZH);
        dashboards = new DashboardLayoutService(db, clock);
        onboarding = new OnboardingService(db, clock, tasks, ZH);
        templates = new TemplateService(db, clock, APP_VERSION, fields, rules, boards, approvals, slas, funnels, tiers,
                new StudioAreas(forms, dashboards, onboarding));
    }

    Template builtIn(String id) {
        return templates.builtIns().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    RuleRunner ruleRunner() {
        return new RuleRunner(db, clock, tasks, escalations, org.customers, fields, ZH);
    }

    SlaScanner slaScanner() {
        return new SlaScanner(db, clock, escalations, ZH);
    }

    private User user(UserRepository users, ChangeReason reason, String login, String name, Role role) {
        User u = new User(Ids.newId(clock), login, name, role, org.admin.orgUnitId(), org.admin.orgUnitName(),
                org.admin.orgPath(), null);
        users.insert(null, reason, u, null, null);
        return u;
    }
}
