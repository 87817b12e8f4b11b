package io.salesdesk.app.cli;

import io.salesdesk.app.AppContext;
import io.salesdesk.board.demo.DemoBoards;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.dispatch.demo.DemoLeads;
import io.salesdesk.insight.demo.DemoForecasts;
import io.salesdesk.insight.demo.DemoFunnels;
import io.salesdesk.insight.demo.DemoKpis;
import io.salesdesk.insight.demo.DemoReports;
import io.salesdesk.studio.board.DemoKeyAccountBoard;
import io.salesdesk.studio.board.KeyAccountBoardExample;
import io.salesdesk.territory.demo.DemoTerritories;
import io.salesdesk.territory.demo.DemoCustomerPlaces;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.demo.DemoCalendar;
import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceLanguage;
import io.salesdesk.studio.onboarding.DemoOnboarding;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code salesdesk demo}: fills an empty workspace with the demo organisation. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create the demo workspace (a medical-device distributor in East China) in an empty data folder.")
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "2000",
            description = "How many customers (default ${DEFAULT-VALUE}; 100000 for benchmarks).")
    int customers;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20260101",
            description = "Seed of the generator; the same seed makes the same workspace (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(root.databaseConfig())) {
            long started = System.nanoTime();
            int step = Math.max(1000, customers / 20);
            DemoWorkspace.Summary summary = new DemoWorkspace(db, Clock.systemUTC()).create(seed, customers, done -> {
                if (done % step == 0 || done == customers) {
                    out.printf("%,d / %,d customers%n", done, customers);
                    out.flush();
                }
            });
            // The demo company is Chinese: its reminders and coaching prompts are written in Chinese
            // whatever language the computers that open it are set to.
            WorkspaceLanguage.set(db, Locale.SIMPLIFIED_CHINESE);
            DemoBoards.Summary boards = new DemoBoards(db, Clock.systemUTC()).create(seed);
            DemoLeads.Summary leads = new DemoLeads(db, Clock.systemUTC()).create(seed);
            new DemoCalendar(db).create();
            DemoCatalogue.Summary catalogue = new DemoCatalogue(db, Clock.systemUTC()).create(seed);
            DemoFinance.Summary finance = new DemoFinance(db, Clock.systemUTC(), AppContext.attachmentsRoot(db))
                    .create(seed);
            // The same contract flow the app's first start installs (DemoSteps).
            new DemoApprovalFlows(db, Clock.systemUTC(), new ApprovalService(db, Clock.systemUTC(),
                    cfg -> UserDirectory.using(cfg, Clock.systemUTC()), java.util.Locale.getDefault())).create();
            DemoTerritories.Summary territories = new DemoTerritories(db, Clock.systemUTC()).create(seed);
            DemoCustomerPlaces.Summary places = new DemoCustomerPlaces(db, Clock.systemUTC()).create(seed);
            // The insight demo, in DemoSteps' order: KPI history, the funnel and tier rules, forecasts.
            new DemoKpis(db, Clock.systemUTC()).create(seed);
            DemoFunnels.Summary funnels = new DemoFunnels(db, Clock.systemUTC()).create(seed);
            DemoForecasts.Summary forecasts = new DemoForecasts(db, Clock.systemUTC(), AppContext.attachmentsRoot(db))
                    .create(seed);
            // Yesterday's stage moves, the daily report's schedule and its first report (DemoSteps "reports").
            new DemoReports(db, Clock.systemUTC(), AppContext.reportsRoot(db)).create(seed);
            // A new hire 40 days into the 90-day onboarding path (DemoSteps "onboarding").
            new DemoOnboarding(db, Clock.systemUTC()).create();
            // The goal's 大客户专项攻坚看板 over the tier-A customers (DemoSteps "keyAccounts").
            int staged = new DemoKeyAccountBoard(db, Clock.systemUTC()).create(seed);
            out.printf("Demo workspace created in %.1f s: %d users, %,d customers, %,d contacts, %,d activities, "
                            + "%,d opportunities, %,d tasks, %,d escalations, %,d leads (%,d waiting), "
                            + "%,d customers in the pool, %,d contracts (%,d signed), %,d invoices, %,d payments, "
                            + "%,d cost entries%n", (System.nanoTime() - started) / 1e9,
                    summary.users(), summary.customers(), summary.contacts(), summary.activities(),
                    summary.opportunities(), boards.tasks(), boards.escalations(), leads.leads(), leads.waiting(),
                    leads.pooled(), finance.contracts(), finance.signed(), finance.invoices(), finance.payments(),
                    finance.costEntries());
            out.printf("Catalogue: %d products, %d warehouses, %d stock rows; %d deals stock-checked (%d short, "
                            + "%d order freeze), %d quotes%n", catalogue.products(), catalogue.warehouses(),
                    catalogue.stockRows(), catalogue.checkedDeals(), catalogue.shortDeals(), catalogue.freezes(),
                    catalogue.quotes());
            out.printf("Territories: %d, %d South China reps, %,d inquiries of surge history%n",
                    territories.territories(), territories.southReps(), territories.inquiries());
            out.printf("Map: %,d customers tagged with pain points, %,d with explicit coordinates%n", places.tagged(),
                    places.pinned());
            out.printf("Insight: %,d contracts of past quarters, %,d frozen forecast cells, %,d commits, %,d adjustments%n",
                    forecasts.contracts(), forecasts.frozenCells(), forecasts.commits(), forecasts.adjustments());
            out.printf("Funnels: %d funnel, %d tier rules, %,d deal follow-ups; first scan: %,d deal-nodes, %,d missed, "
                    + "%,d coaching prompts%n", funnels.funnels(), funnels.tierRules(), funnels.activities(),
                    funnels.evaluated(), funnels.missed(), funnels.prompts());
            out.printf("Key accounts: board %s, %,d tier-A customers at a 攻坚阶段%n", KeyAccountBoardExample.NAME, staged);
        }
        return 0;
    }
}
