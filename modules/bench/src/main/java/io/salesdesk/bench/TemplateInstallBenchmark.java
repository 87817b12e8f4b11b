package io.salesdesk.bench;

import io.salesdesk.board.BoardService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.insight.funnel.FunnelScanner;
import io.salesdesk.insight.funnel.FunnelService;
import io.salesdesk.insight.tier.TierService;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.studio.dashboard.DashboardLayoutService;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.form.FormLayoutService;
import io.salesdesk.studio.onboarding.OnboardingService;
import io.salesdesk.studio.rule.AutomationRuleService;
import io.salesdesk.studio.template.InstallPlan;
import io.salesdesk.studio.template.StudioAreas;
import io.salesdesk.studio.template.Template;
import io.salesdesk.studio.template.TemplateService;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.UserDirectory;
import io.salesdesk.workflow.sla.SlaRuleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installing the largest built-in scenario template (the one with the most items) on an empty embedded
 * workspace (target ≤ 2 s): read and check the file, show the plan, install in one transaction. Each
 * measured install gets a workspace of its own, made before the clock starts (a migrated database with
 * the demo org and users, no customers), since a second install of the same template installs nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class TemplateInstallBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateInstallBenchmark.class);
    private static final String APP_VERSION = "0.1.0";

    private Path root;
    private Database db;
    private TemplateService templates;
    private User admin;
    private String largest;

    /** Which built-in template: "largest", or a template id ({@code -p template=medical-regional}). */
    @Param({"largest"})
    public String template;

    @Setup(Level.Trial)
    public void chooseTemplate() throws IOException {
        Path base = Files.createDirectories(Paths.get(System.getProperty("salesdesk.bench.dir", "target")));
        root = Files.createTempDirectory(base, "bench-templates");
        Template biggest = io.salesdesk.studio.template.BuiltInTemplates.all(APP_VERSION).stream()
                .max(Comparator.comparingInt(TemplateInstallBenchmark::items)).orElseThrow();
        largest = "largest".equals(template) ? biggest.id() : template;
        LOG.warn("Largest built-in template: {} ({} items)", largest, items(biggest));
    }

    private static int items(Template t) {
        return t.size();
    }

    @Setup(Level.Iteration)
    public void emptyWorkspace() throws IOException {
        Clock clock = Clock.systemUTC();
        db = Database.open(DatabaseConfig.embedded(Files.createTempDirectory(root, "ws")));
        new DemoWorkspace(db, clock).create(20261128L, 0);
        admin = new UserService(db, clock).byUsername("admin").orElseThrow();
        CustomFieldService fields = new CustomFieldService(db, clock);
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        templates = new TemplateService(db, clock, APP_VERSION, fields, new AutomationRuleService(db, clock, fields, zh),
                new BoardService(db, clock, List.of()),
                new ApprovalService(db, clock, cfg -> UserDirectory.using(cfg, clock), zh), new SlaRuleService(db, clock),
                new FunnelService(db, clock, new FunnelScanner(db, clock, zh)), new TierService(db, clock),
                new StudioAreas(new FormLayoutService(db, clock, zh), new DashboardLayoutService(db, clock),
                        new OnboardingService(db, clock, new TaskService(db, clock), zh)));
    }

    @TearDown(Level.Iteration)
    public void closeWorkspace() {
        db.close();
    }

    @TearDown(Level.Trial)
    public void removeWorkspaces() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** What 安装 does from the gallery: the template (read from the resources), the plan, the install. */
    @Benchmark
    public InstallPlan installLargestBuiltIn() {
        Template template = templates.builtIns().stream().filter(t -> t.id().equals(largest)).findFirst()
                .orElseThrow();
        templates.plan(template);
        InstallPlan done = templates.install(admin.asActor(), template, Locale.SIMPLIFIED_CHINESE);
        if (done.changes().isEmpty()) {
            throw new IllegalStateException("nothing was installed");
        }
        return done;
    }
}
