package io.salesdesk.bench;

import static io.salesdesk.db.jooq.Tables.APPROVAL_REQUEST;
import static io.salesdesk.db.jooq.Tables.APPROVAL_STEP;
import static io.salesdesk.db.jooq.Tables.APPROVAL_TASK;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.core.Actor;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.workflow.approval.ApprovalJson;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalTask;
import io.salesdesk.workflow.approval.ApprovalTimeouts;
import io.salesdesk.workflow.approval.Route;
import io.salesdesk.workflow.approval.RouteStep;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;
import io.salesdesk.workflow.approval.flow.TimeoutAction;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approvals at scale: 100,000 pending requests, each with one active step and its task; 10,000 of
 * them wait for the legal approver. Measures opening that approver's inbox (target ≤ 200 ms) and
 * the scheduler's timeout scan over the 100,000 open steps (target ≤ 500 ms), whose alarms lie
 * over the next 30 days, so each minute's run finds what just came due among them. The setup
 * also logs one catch-up run that acts on 1,000 steps overdue at once, with its time per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ApprovalBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalBenchmark.class);
    static final int REQUESTS = 100_000;
    static final int LEGAL_INBOX = 10_000;
    static final int OVERDUE_AT_START = 1_000;
    private static final int BATCH = 2_000;

    private Database db;
    private ApprovalService approvals;
    private ApprovalTimeouts timeouts;
    private Actor legal;

    @Setup(Level.Trial)
    public void open() {
        Path dir = Paths.get(System.getProperty("salesdesk.bench.approvalDir", "target/bench-approvals-100k"));
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(dir));
        approvals = new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), Locale.SIMPLIFIED_CHINESE);
        timeouts = new ApprovalTimeouts(db, clock, approvals, new EscalationService(db, clock),
                Locale.SIMPLIFIED_CHINESE);
        DemoWorkspace demo = new DemoWorkspace(db, clock);
        if (demo.isEmpty()) {
            LOG.warn("Creating the {}-request approval benchmark workspace in {} (once)", REQUESTS, dir.toAbsolutePath());
            demo.create(20260101L, 0);
            fill(clock);
        }
        List<User> users = new UserService(db, clock).all();
        legal = users.stream().filter(u -> u.username().equals("legal")).findFirst().orElseThrow().asActor();
        long started = System.nanoTime();
        ApprovalTimeouts.Run catchUp = timeouts.runDue();
        LOG.warn("Catch-up run: {} overdue steps acted on ({} escalated) in {} ms", catchUp.overdue(),
                catchUp.escalated(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Writes the requests straight into the tables, as the engine would have left them after each
     * submission: one active step, one pending task, the step's alarm at its due time. The first
     * {@link #OVERDUE_AT_START} are already due.
     */
    private void fill(Clock clock) {
        List<User> users = new UserService(db, clock).all();
        User legalUser = users.stream().filter(u -> u.username().equals("legal")).findFirst().orElseThrow();
        User admin = users.stream().filter(u -> u.role().seesEverything()).findFirst().orElseThrow();
        List<User> submitters = users.stream().filter(u -> !u.id().equals(legalUser.id())).toList();
        StepTimeout timeout = new StepTimeout(24, false, 8, true, TimeoutAction.NONE, null);
        approvals.saveFlow(admin.asActor(), "contract", "submit", "合同审批", new FlowDefinition(List.of(
                new ApprovalStep("review", "审核", Approvers.manager(1), SignMode.ANY, timeout)), true, false, true));
        UUID flowId = db.transactionResult(cfg -> DSL.using(cfg).select(DSL.field("id", UUID.class))
                .from("approval_flow").fetchOne(0, UUID.class));
        SplittableRandom random = new SplittableRandom(11);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (int start = 0; start < REQUESTS; start += BATCH) {
            int from = start;
            db.transaction(cfg -> {
                DSLContext dsl = DSL.using(cfg);
                var requests = dsl.insertInto(APPROVAL_REQUEST, APPROVAL_REQUEST.ID, APPROVAL_REQUEST.FLOW_ID,
                        APPROVAL_REQUEST.FLOW_VERSION, APPROVAL_REQUEST.ENTITY, APPROVAL_REQUEST.TRIGGER_ACTION,
                        APPROVAL_REQUEST.RECORD_ID, APPROVAL_REQUEST.TITLE, APPROVAL_REQUEST.SUBMITTER_ID,
                        APPROVAL_REQUEST.STATUS, APPROVAL_REQUEST.FIELDS_JSON, APPROVAL_REQUEST.ROUTE_JSON,
                        APPROVAL_REQUEST.SUBMITTED_AT, APPROVAL_REQUEST.VERSION);
                var steps = dsl.insertInto(APPROVAL_STEP, APPROVAL_STEP.REQUEST_ID, APPROVAL_STEP.STEP_KEY,
                        APPROVAL_STEP.NAME, APPROVAL_STEP.MODE, APPROVAL_STEP.STATUS, APPROVAL_STEP.ROUND_NO,
                        APPROVAL_STEP.ACTIVATED_AT, APPROVAL_STEP.DUE_AT, APPROVAL_STEP.ALARM_AT, APPROVAL_STEP.VERSION);
                var tasks = dsl.insertInto(APPROVAL_TASK, APPROVAL_TASK.ID, APPROVAL_TASK.REQUEST_ID,
                        APPROVAL_TASK.STEP_KEY, APPROVAL_TASK.ROUND_NO, APPROVAL_TASK.SEQ, APPROVAL_TASK.APPROVER_ID,
                        APPROVAL_TASK.STATUS, APPROVAL_TASK.CREATED_AT, APPROVAL_TASK.VERSION);
                for (int i = from; i < from + BATCH; i++) {
                    UUID id = Ids.newId(clock);
                    User submitter = submitters.get(random.nextInt(submitters.size()));
                    UUID approver = i % (REQUESTS / LEGAL_INBOX) == 0 ? legalUser.id()
                            : submitters.get(random.nextInt(submitters.size())).id();
                    // The first ones are overdue already; the rest come due over the next 30 days.
                    OffsetDateTime due = i < OVERDUE_AT_START ? now.minusMinutes(1 + random.nextInt(600))
                            : now.plusMinutes(1 + random.nextInt(30 * 24 * 60));
                    Route route = new Route(List.of(new RouteStep("review", "审核", SignMode.ANY, List.of(approver),
                            timeout)), true, false, true);
                    requests = requests.values(id, flowId, 1, "contract", "submit", Ids.newId(clock),
                            "HT-" + i + " 基准合同", submitter.id(), "PENDING", "{\"amount\":\"" + (100000 + i) + "\"}",
                            ApprovalJson.write(route), due.minusHours(24), 1L);
                    steps = steps.values(id, "review", "审核", "ANY", "ACTIVE", 1, due.minusHours(24), due, due, 2L);
                    tasks = tasks.values(Ids.newId(clock), id, "review", 1, 1, approver, "PENDING", due.minusHours(24),
                            1L);
                }
                requests.execute();
                steps.execute();
                tasks.execute();
            });
        }
    }

    @Benchmark
    public List<ApprovalTask> openLegalInbox() {
        return approvals.inbox(legal);
    }

    @Benchmark
    public ApprovalTimeouts.Run timeoutScan() {
        return timeouts.runDue();
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }
}
