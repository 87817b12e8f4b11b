package io.salesdesk.app;

import io.salesdesk.board.BoardService;
import io.salesdesk.board.CustomerCards;
import io.salesdesk.board.EscalationCards;
import io.salesdesk.board.OpportunityCards;
import io.salesdesk.board.TaskCards;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.commerce.collection.CollectionService;
import io.salesdesk.commerce.collection.CommerceTimers;
import io.salesdesk.commerce.collection.OverdueScanner;
import io.salesdesk.commerce.contract.ContractService;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.product.ProductService;
import io.salesdesk.commerce.quote.QuoteService;
import io.salesdesk.commerce.stock.OpportunityLines;
import io.salesdesk.commerce.stock.StockService;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.crm.CustomerLocationService;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.auth.PasswordHasher;
import io.salesdesk.crm.auth.SignInService;
import io.salesdesk.crm.auth.UserAdminService;
import io.salesdesk.crm.approval.ChangeApproval;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceLanguage;
import io.salesdesk.insight.kpi.KpiService;
import io.salesdesk.studio.dashboard.DashboardLayoutService;
import io.salesdesk.studio.field.BoardCustomValues;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FlowCustomValues;
import io.salesdesk.studio.onboarding.OnboardingService;
import io.salesdesk.studio.form.FormLayoutService;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.rule.RuleActions;
import io.salesdesk.studio.rule.RuleApprovals;
import io.salesdesk.studio.rule.RuleRunner;
import io.salesdesk.studio.template.StudioAreas;
import io.salesdesk.studio.template.TemplateService;
import io.salesdesk.studio.rule.RuleWebhook;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.insight.forecast.ForecastService;
import io.salesdesk.insight.forecast.ProcurementService;
import io.salesdesk.insight.report.DailyReportService;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.territory.address.AddressParser;
import io.salesdesk.territory.surge.SurgeService;
import io.salesdesk.territory.territory.TerritoryService;
import io.salesdesk.sync.ReplicaStatus;
import io.salesdesk.workflow.Timers;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTimeouts;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.approval.WorkflowChangeApproval;
import io.salesdesk.workflow.notify.NotificationService;
import io.salesdesk.workflow.notify.channel.ChannelService;
import io.salesdesk.workflow.notify.channel.OutboxDeliverer;
import io.salesdesk.workflow.sla.CalendarService;
import io.salesdesk.workflow.sla.SlaRuleService;
import io.salesdesk.workflow.sla.SlaScanner;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The composition root's product: the open database and the services wired over it, handed to the
 * window and the command line. Plain constructor wiring; no container is needed at this size.
 */
public final class AppContext {

    private final Database database;
    private final Clock clock;
    private final Executor executor;
    private final RegionService regions;
    private final UserService users;
    private final CustomerService customers;
    private final CustomerMergeService customerMerges;
    private final CustomerLocationService customerLocations;
    private final OpportunityService opportunities;
    private final TaskService tasks;
    private final CustomFieldService customFields;
    private final OnboardingService onboarding;
    private final DashboardLayoutService dashboardLayouts;
    private final FormLayoutService formLayouts;
    private final EscalationService escalations;
    private final BoardService boards;
    private final LeadService leads;
    private final DispatchService dispatch;
    private final PoolService pool;
    private final NotificationService notifications;
    private final OutboxDeliverer outbox;
    private final ChannelService channels;
    private final SlaRuleService slaRules;
    private final CalendarService calendar;
    private final Timers timers;
    private final ApprovalService approvals;
    private final ApprovalTimeouts approvalTimeouts;
    private final ContractService contracts;
    private final ProductService products;
    private final StockService stock;
    private final OrderFreezeService freezes;
    private final OpportunityLines opportunityLines;
    private final QuoteService quotes;
    private final CollectionService collections;
    private final CostService costs;
    private final CommerceTimers commerceTimers;
    private final TerritoryService territories;
    private final SurgeService surges;
    private final KpiService kpis;
    private final FunnelScanner funnelScanner;
    private final FunnelService funnels;
    private final TierService tiers;
    private final ForecastService forecasts;
    private final ProcurementService procurement;
    private final DailyReportService dailyReports;
    private final AutomationRuleService automationRules;
    private final RuleRunner ruleRunner;
    private final TemplateService templates;
    private final SignInService signIn;
    private final UserAdminService userAdmin;
    private final boolean signInRequired;
    private volatile User currentUser;
    private volatile String offeredUsername;
    private final Locale messageLanguage;

    public AppContext(Database database, Clock clock, Executor executor, User currentUser) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        // Addresses are placed by the territory parser (with a confidence) on customer save, import and leads.
        this.regions = new RegionService(database, AddressParser::new);
        this.users = new UserService(database, clock);
        PasswordHasher hasher = PasswordHasher.standard();
        this.signIn = new SignInService(database, clock, hasher);
        this.userAdmin = new UserAdminService(database, clock, hasher);
        // Decided once at start: giving someone the first password takes effect at the next start.
        this.signInRequired = signIn.signInRequired();
        // Words the system writes for everyone (dispatch reasons, reminders, escalations, coaching
        // prompts) use the workspace's language, the same whichever client runs the timers.
        Locale locale = WorkspaceLanguage.settle(database, Locale.getDefault());
        this.messageLanguage = locale;
        this.customFields = new CustomFieldService(database, clock);
        // Flow conditions and approvers can read the custom fields a director added.
        this.approvals = new ApprovalService(database, clock, cfg -> UserDirectory.using(cfg, clock), locale,
                new FlowCustomValues(customFields));
        // Customer transfers and lead reassignments go through their approval flows when the workspace has them.
        ChangeApproval changeApprovals = new WorkflowChangeApproval(approvals, clock);
        this.customers = new CustomerService(database, clock, regions, changeApprovals);
        this.customerLocations = new CustomerLocationService(database, clock, customers);
        // Every module on the class path moves its own rows of a merged customer.
        this.customerMerges = new CustomerMergeService(database, clock, regions, customers,
                CustomerMergeService.registered(), () -> io.salesdesk.sync.SyncPeersRepository.exchangesRows(database));
        this.opportunities = new OpportunityService(database, clock);
        this.tasks = new TaskService(database, clock);
        this.formLayouts = new FormLayoutService(database, clock, locale);
        this.escalations = new EscalationService(database, clock);
        this.boards = new BoardService(database, clock, List.of(new OpportunityCards(opportunities, regions),
                new TaskCards(tasks), new EscalationCards(escalations), new CustomerCards(customers, regions)),
                new BoardCustomValues(customFields));
        this.leads = new LeadService(database, clock, regions, customers, changeApprovals);
        this.dispatch = new DispatchService(database, clock, regions, leads, locale);
        this.pool = new PoolService(database, clock, regions, customers);
        this.notifications = new NotificationService(database, clock);
        this.outbox = new OutboxDeliverer(database, clock, OutboxDeliverer.standardSenders(clock));
        this.channels = new ChannelService(database, clock, outbox);
        this.slaRules = new SlaRuleService(database, clock);
        this.calendar = new CalendarService(database, clock);
        // A branch replica returns nobody to the pool: the head office does, with every follow-up to hand.
        boolean replica = ReplicaStatus.of(database).isPresent();
        this.timers = new Timers(database, clock, new SlaScanner(database, clock, escalations, locale),
                replica ? null : pool, locale);
        this.approvalTimeouts = new ApprovalTimeouts(database, clock, approvals, escalations, locale);
        this.contracts = new ContractService(database, clock, attachmentsRoot(database), approvals);
        this.products = new ProductService(database, clock);
        this.stock = new StockService(database, clock, regions);
        this.freezes = new OrderFreezeService(database, clock);
        this.opportunityLines = new OpportunityLines(database, clock, freezes, stock);
        this.quotes = new QuoteService(database, clock, freezes, approvals);
        this.collections = new CollectionService(database, clock);
        this.costs = new CostService(database, clock);
        this.commerceTimers = new CommerceTimers(new OverdueScanner(database, clock, escalations, locale));
        this.territories = new TerritoryService(database, clock, regions);
        this.surges = new SurgeService(database, clock, regions, locale);
        this.kpis = new KpiService(database, costs);
        this.funnelScanner = new FunnelScanner(database, clock, locale);
        this.funnels = new FunnelService(database, clock, funnelScanner);
        this.tiers = new TierService(database, clock);
        this.forecasts = new ForecastService(database, clock);
        this.procurement = new ProcurementService(database, clock);
        this.dailyReports = new DailyReportService(database, clock, reportsRoot(database), locale);
        this.automationRules = new AutomationRuleService(database, clock, customFields, locale);
        this.onboarding = new OnboardingService(database, clock, tasks, locale);
        this.dashboardLayouts = new DashboardLayoutService(database, clock);
        this.templates = new TemplateService(database, clock, appVersion(), customFields, automationRules, boards,
                approvals, slaRules, funnels, tiers, new StudioAreas(formLayouts, dashboardLayouts, onboarding));
        // Rules change owners through the same services a person uses; a lead's automatic assignment is
        // the dispatch module's, in one transaction, as when a lead is captured.
        RuleActions.LeadAutoAssign autoAssign = (actor, leadId) -> database.transactionResult(cfg -> {
            Lead lead = leads.find(actor, leadId).orElseThrow(() -> new SalesDeskException("rule.run.gone"));
            Lead assigned = dispatch.dispatchAll(cfg, List.of(lead)).get(0).lead();
            return assigned.ownerName() == null ? "—" : assigned.ownerName();
        });
        RuleActions.OrderHold orderHold = (actor, customerId, opportunityId, categories, reason) -> database
                .transactionResult(cfg -> freezes.hold(cfg, actor, customerId, opportunityId, categories, reason)).size();
        this.ruleRunner = new RuleRunner(database, clock, new RuleActions(database, clock, locale, tasks, escalations,
                customers, customFields, new RuleActions.Extras(new RuleActions.Owners(leads, opportunities, pool,
                autoAssign), new RuleWebhook(), approvals, orderHold, boards)), customFields, locale);
        // Rules can start an approval; its flow is designed like any other (Settings → 审批流程).
        RuleApprovals.TRIGGERS.forEach(approvals::register);
        this.currentUser = currentUser;
    }

    /** The workspace's language for the messages the system writes, as this client started with it. */
    public Locale messageLanguage() {
        return messageLanguage;
    }

    /** Forecasts per rep, team and region, their commits, adjustments, snapshots and accuracy. */
    public ForecastService forecasts() {
        return forecasts;
    }

    /** The procurement view: forecast quantity per SKU and province against stock, with suggested orders. */
    public ProcurementService procurement() {
        return procurement;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    /** Where long work runs: a background pool in the app, the calling thread in tests. */
    public Executor executor() {
        return executor;
    }

    public RegionService regions() {
        return regions;
    }

    public UserService users() {
        return users;
    }

    public CustomerService customers() {
        return customers;
    }

    /** Merging two records of the same company (合并客户). */
    public CustomerMergeService customerMerges() {
        return customerMerges;
    }

    /** Customers' map pins, dragged positions and tags. */
    public CustomerLocationService customerLocations() {
        return customerLocations;
    }

    public OpportunityService opportunities() {
        return opportunities;
    }

    /** Custom fields (自定义字段) on the main entities and their values. */
    public CustomFieldService customFields() {
        return customFields;
    }

    /** Form layouts (表单设计): how each entity's form is arranged. */
    public FormLayoutService formLayouts() {
        return formLayouts;
    }

    public TaskService tasks() {
        return tasks;
    }

    public EscalationService escalations() {
        return escalations;
    }

    public LeadService leads() {
        return leads;
    }

    public DispatchService dispatch() {
        return dispatch;
    }

    public PoolService pool() {
        return pool;
    }

    public NotificationService notifications() {
        return notifications;
    }

    public SlaRuleService slaRules() {
        return slaRules;
    }

    /** Working hours, holidays and make-up working days, as working-time rules count them. */
    /** Sends what waits in the outbound channels' outbox; the scheduler calls it beside the timers. */
    public OutboxDeliverer outbox() {
        return outbox;
    }

    /** The outbound notification channels (e-mail, group robots) as Settings edits them. */
    public ChannelService channels() {
        return channels;
    }

    public CalendarService calendar() {
        return calendar;
    }

    public Timers timers() {
        return timers;
    }

    /** The sales and finance timers (overdue collections), run beside {@link #timers()}. */
    public CommerceTimers commerceTimers() {
        return commerceTimers;
    }

    /** Territories for the map and the territory table. */
    public TerritoryService territories() {
        return territories;
    }

    /** Demand surge alerts, their acceptance and the scan the timers run. */
    public SurgeService surges() {
        return surges;
    }

    /** The catalogue: products and their ranked substitutes. */
    public ProductService products() {
        return products;
    }

    /** Warehouses, the regions they serve, and stock. */
    public StockService stock() {
        return stock;
    }

    /** Orders held after a shortage, and their lifting. */
    public OrderFreezeService freezes() {
        return freezes;
    }

    /** The products an opportunity plans to sell, with their stock check. */
    public OpportunityLines opportunityLines() {
        return opportunityLines;
    }

    public QuoteService quotes() {
        return quotes;
    }

    public ContractService contracts() {
        return contracts;
    }

    public ApprovalService approvals() {
        return approvals;
    }

    /** Step timeouts and tasks of people who left; run by the scheduler every minute. */
    public ApprovalTimeouts approvalTimeouts() {
        return approvalTimeouts;
    }

    public CollectionService collections() {
        return collections;
    }

    public CostService costs() {
        return costs;
    }

    /** The dashboard's KPIs: figures, period comparison and drill-down. */
    public KpiService kpis() {
        return kpis;
    }

    /**
     * Where contract attachments are kept: {@code attachments} in the data folder; with a database
     * server (no data folder of its own) in this computer's default data folder.
     */
    public static Path attachmentsRoot(Database database) {
        Path dataDir = database.config().dataDir();
        return (dataDir != null ? dataDir : Workspace.dataDir(null, System.getenv())).resolve("attachments");
    }

    /** The funnel scan that sends coaching prompts; run by the timers every 15 minutes. */
    public FunnelScanner funnelScanner() {
        return funnelScanner;
    }

    /** Funnels with micro-behaviour nodes: definitions, conversion per node and rep, missed deals. */
    public FunnelService funnels() {
        return funnels;
    }

    /** Tier action rules, their completion, the bonus coefficient table and open obligations. */
    public TierService tiers() {
        return tiers;
    }

    /** Where the scheduled daily reports are kept: the data folder's {@code reports}. */
    public static Path reportsRoot(Database database) {
        Path dataDir = database.config().dataDir();
        return (dataDir != null ? dataDir : Workspace.dataDir(null, System.getenv())).resolve("reports");
    }

    /** The daily report (日报): computing, files, schedule and the log of generated reports. */
    public DailyReportService dailyReports() {
        return dailyReports;
    }

    /** Automation rules (自动化规则): definitions, test mode, run log and suggestions. */
    public AutomationRuleService automationRules() {
        return automationRules;
    }

    /** The dashboard composer's layouts: each user's own and the team's default. */
    public DashboardLayoutService dashboardLayouts() {
        return dashboardLayouts;
    }

    /** Onboarding paths: new hires' stages, learning tasks, drills and mentor feedback. */
    public OnboardingService onboarding() {
        return onboarding;
    }

    /** Runs the enabled automation rules; the scheduler calls it every minute. */
    public RuleRunner ruleRunner() {
        return ruleRunner;
    }

    /** Scenario templates (场景模板): the built-ins, install, uninstall and export. */
    public TemplateService templates() {
        return templates;
    }

    /** This build's version from the jar's manifest; run from classes, the version being developed. */
    public static String appVersion() {
        String version = AppContext.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }

    public BoardService boards() {
        return boards;
    }

    /** The data folder of an embedded database; {@code null} for server modes. */
    public Path dataDir() {
        return database.config().dataDir();
    }

    /** The user the app works as: signed in, or chosen at start on a workspace without passwords. */
    public User currentUser() {
        return currentUser;
    }

    public void setCurrentUser(User user) {
        this.currentUser = Objects.requireNonNull(user, "user");
    }

    /**
     * 退出登录: nobody works here until the next sign-in (only where people sign in; a personal
     * workspace always has its user). The sign-in screen then offers no login.
     */
    public void signOut() {
        if (!signInRequired) {
            throw new IllegalStateException("A workspace without passwords has no sign-out");
        }
        this.currentUser = null;
        this.offeredUsername = null;
    }

    public SignInService signIn() {
        return signIn;
    }

    public UserAdminService userAdmin() {
        return userAdmin;
    }

    /**
     * Whether people sign in with a password here (a shared database, or a workspace where someone
     * has a password); otherwise the app starts as a user chosen at start, as a personal workspace does.
     */
    public boolean signInRequired() {
        return signInRequired;
    }

    /** The login the sign-in screen offers (given with {@code --user}), or null. */
    public String offeredUsername() {
        return offeredUsername;
    }

    public void setOfferedUsername(String username) {
        this.offeredUsername = username;
    }
}
