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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
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
 * them wait for the legal approver. Measures opening that approver's inbox (target ≤ 200 ms: its
 * 500 most urgent tasks and the count; loading all 10,000 at once is measured beside it) and
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
    static final int INBOX_PAGE = 500;
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
                // JDBC batches of one prepared statement each: one huge multi-row VALUES would
                // make the embedded database parse tens of thousands of parameters.
                List<TableRecord<?>> requests = new ArrayList<>(BATCH);
                List<TableRecord<?>> steps = new ArrayList<>(BATCH);
                List<TableRecord<?>> tasks = new ArrayList<>(BATCH);
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
                    var request = dsl.newRecord(APPROVAL_REQUEST);
                    request.setId(id);
                    request.setFlowId(flowId);
                    request.setFlowVersion(1);
                    request.setEntity("contract");
                    request.setTriggerAction("submit");
                    request.setRecordId(Ids.newId(clock));
                    request.setTitle("HT-" + i + " 基准合同");
                    request.setSubmitterId(submitter.id());
                    request.setStatus("PENDING");
                    request.setFieldsJson("{\"amount\":\"" + (100000 + i) + "\"}");
                    request.setRouteJson(ApprovalJson.write(route));
                    request.setSubmittedAt(due.minusHours(24));
                    request.setVersion(1L);
                    requests.add(request);
                    var step = dsl.newRecord(APPROVAL_STEP);
                    step.setRequestId(id);
                    step.setStepKey("review");
                    step.setName("审核");
                    step.setMode("ANY");
                    step.setStatus("ACTIVE");
                    step.setRoundNo(1);
                    step.setActivatedAt(due.minusHours(24));
                    step.setDueAt(due);
                    step.setAlarmAt(due);
                    step.setReminders(0);
                    step.setVersion(2L);
                    steps.add(step);
                    var task = dsl.newRecord(APPROVAL_TASK);
                    task.setId(Ids.newId(clock));
                    task.setRequestId(id);
                    task.setStepKey("review");
                    task.setRoundNo(1);
                    task.setSeq(1);
                    task.setApproverId(approver);
                    task.setStatus("PENDING");
                    task.setCreatedAt(due.minusHours(24));
                    task.setDueAt(due);
                    task.setVersion(1L);
                    tasks.add(task);
                }
                dsl.batchInsert(requests).execute();
                dsl.batchInsert(steps).execute();
                dsl.batchInsert(tasks).execute();
            });
        }
    }

    /** What the inbox page shows on opening: the 500 most urgent tasks and how many there are. */
    @Benchmark
    public int openLegalInbox() {
        return approvals.inbox(legal, INBOX_PAGE).size() + approvals.inboxCount(legal);
    }

    /** All 10,000 tasks at once (the service's limit), for comparison with the page. */
    @Benchmark
    public List<ApprovalTask> loadWholeLegalInbox() {
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
