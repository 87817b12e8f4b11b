package io.salesdesk.app;

import io.salesdesk.board.demo.DemoBoards;
import io.salesdesk.commerce.demo.DemoApprovalFlows;
import io.salesdesk.commerce.demo.DemoCatalogue;
import io.salesdesk.commerce.demo.DemoFinance;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.dispatch.demo.DemoLeads;
import io.salesdesk.insight.demo.DemoKpis;
import io.salesdesk.insight.demo.DemoFunnels;
import io.salesdesk.insight.demo.DemoForecasts;
import io.salesdesk.insight.demo.DemoReports;
import io.salesdesk.studio.board.DemoKeyAccountBoard;
import io.salesdesk.territory.demo.DemoTerritories;
import io.salesdesk.territory.demo.DemoCustomerPlaces;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.demo.DemoCalendar;
import io.salesdesk.studio.onboarding.DemoOnboarding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the demo workspace step by step and notes each finished step in the workspace, so that a
 * first start interrupted half-way (the window closed while the demo was being made) finishes the
 * demo on the next start instead of leaving it without leads or boards. A workspace that holds
 * data but no such note is a real one and is left alone.
 */
final class DemoSteps {

    static final String DONE_KEY = "demo.stepsDone";
    /** The step being made; still set at the next start, it was cut off half-way. */
    static final String RUNNING_KEY = "demo.stepRunning";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSteps.class);

    private final Database db;
    private final Clock clock;
    private final Map<String, Runnable> steps = new LinkedHashMap<>();

    DemoSteps(Database db, Clock clock, long seed, int customers) {
        this.db = db;
        this.clock = clock;
        steps.put("customers", () -> new DemoWorkspace(db, clock).create(seed, customers));
        steps.put("boards", () -> new DemoBoards(db, clock).create(seed));
        steps.put("leads", () -> new DemoLeads(db, clock).create(seed));
        steps.put("calendar", () -> new DemoCalendar(db).create());
        steps.put("catalogue", () -> new DemoCatalogue(db, clock).create(seed));
        steps.put("finance", () -> new DemoFinance(db, clock, AppContext.attachmentsRoot(db)).create(seed));
        // After the demo's contracts: they were made before any flow, as a company's history is.
        steps.put("approvals", () -> new DemoApprovalFlows(db, clock, new ApprovalService(db, clock,
                cfg -> UserDirectory.using(cfg, clock), Locale.getDefault())).create());
        steps.put("territories", () -> new DemoTerritories(db, clock).create(seed));
        // Tags for the pain-point map and a few explicit pin positions; last, so that demo
        // workspaces made before it get it on their next start.
        steps.put("places", () -> new DemoCustomerPlaces(db, clock).create(seed));
        // Joining and leaving dates, note durations, contract drafting dates: every KPI tile has a figure.
        steps.put("kpi", () -> new DemoKpis(db, clock).create(seed));
        // The demo funnel and tier rules over the demo deals and customers, with their coaching prompts.
        steps.put("funnels", () -> new DemoFunnels(db, clock).create(seed));
        // After the finance demo: the forecast history adds signed (and paid) contracts of past quarters.
        steps.put("forecasts", () -> new DemoForecasts(db, clock, AppContext.attachmentsRoot(db)).create(seed));
        steps.put("reports", () -> new DemoReports(db, clock, AppContext.reportsRoot(db)).create(seed));
        // A new hire 40 days into the 90-day onboarding path, followed by a mentor and the manager.
        steps.put("onboarding", () -> new DemoOnboarding(db, clock).create());
        // The goal's 大客户专项攻坚看板, made with the board designer's example, over the tier-A customers.
        steps.put("keyAccounts", () -> new DemoKeyAccountBoard(db, clock).create(seed));
    }

    /** Creates the demo on an empty workspace, or finishes one an earlier start left half made. */
    void createOrResume() {
        createOrResume((step, index) -> { });
    }

    /** The names of the steps, in order. */
    List<String> stepNames() {
        return List.copyOf(steps.keySet());
    }

    /**
     * As {@link #createOrResume()}, telling {@code progress} the name and index (from 0) of each step
     * as it starts, for the first-run window's progress bar.
     */
    void createOrResume(java.util.function.BiConsumer<String, Integer> progress) {
        List<String> done = done();
        if (done == null) {
            if (!new DemoWorkspace(db, clock).isEmpty()) {
                return;
            }
            done = new ArrayList<>();
            record(done);
            LOG.info("Empty workspace: creating the demo organisation");
        }
        String cutOff = setting(RUNNING_KEY);
        int index = 0;
        for (Map.Entry<String, Runnable> step : steps.entrySet()) {
            progress.accept(step.getKey(), index++);
            if (done.contains(step.getKey())) {
                continue;
            }
            if (step.getKey().equals(cutOff)) {
                // Half of it is there; making it again would duplicate rows. Go on with the rest.
                LOG.warn("Demo workspace: the step '{}' was cut off at the last start and is left as it is",
                        step.getKey());
            } else {
                LOG.info("Demo workspace: {}", step.getKey());
                put(RUNNING_KEY, step.getKey());
                step.getValue().run();
            }
            done.add(step.getKey());
            record(done);
        }
        put(RUNNING_KEY, "");
    }

    private List<String> done() {
        return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(DONE_KEY)
                .map(v -> new ArrayList<>(Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).toList()))
                .orElse(null));
    }

    private void record(List<String> done) {
        put(DONE_KEY, String.join(",", done));
    }

    private String setting(String key) {
        return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(key).orElse(""));
    }

    private void put(String key, String value) {
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(key, value));
    }
}
