package io.salesdesk.insight.report;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.insight.report.DailyReport.TeamLine;
import io.salesdesk.workflow.notify.NotificationRepository;
import io.salesdesk.workflow.notify.channel.OutboxRepository;
import io.salesdesk.workflow.sla.CalendarRepository;
import io.salesdesk.workflow.sla.WorkingCalendar;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily report (日报): computes it for a team or the company, writes it as .xlsx or PDF,
 * keeps the schedule, and makes it by itself on every working day at the set time
 * ({@link #runDue()}, called by the client's timers), logging each run and sending the summary to
 * the inbox and the outbound channels.
 */
public final class DailyReportService {

    /** The message kind a channel subscribes to for the daily report. */
    public static final String MESSAGE_KIND = "report.daily";
    static final String SETTING_PREFIX = "report.daily.";
    private static final String ENTITY = "daily_report_schedule";
    private static final UUID SCHEDULE_ID = UUID.fromString("00000000-0000-7000-8000-0000000da11e");
    /** Whom a scheduled report is computed for: it sees the whole company. */
    static final Actor SYSTEM = new Actor(UUID.fromString("00000000-0000-7000-8000-000000000000"), "SalesDesk",
            Role.ADMIN, "/");
    private static final Logger LOG = LoggerFactory.getLogger(DailyReportService.class);

    private final Database db;
    private final Clock clock;
    private final Path reportsDir;
    private final Locale locale;

    /**
     * @param reportsDir where scheduled reports are kept (the data folder's {@code reports})
     * @param locale     the language of the files and messages the schedule makes
     */
    public DailyReportService(Database db, Clock clock, Path reportsDir, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.reportsDir = reportsDir;
        this.locale = locale;
    }

    public Path reportsDir() {
        return reportsDir;
    }

    /** The company and the org units the viewer may report on: all for company-wide roles, a manager's subtree, a rep's own unit. */
    public List<ReportScope> scopes(Actor viewer) {
        return db.transactionResult(cfg -> {
            DailyReportRepository repository = DailyReportRepository.using(cfg);
            List<ReportScope> scopes = new ArrayList<>();
            String company = repository.companyName();
            if (viewer.role().seesEverything()) {
                scopes.add(ReportScope.company(company.isEmpty() ? new ReportTexts(locale).get("company") : company));
            }
            for (OrgUnit unit : repository.units()) {
                boolean mine = viewer.role().seesEverything() || unit.path().startsWith(viewer.orgPath())
                        || viewer.role() == Role.REP && viewer.orgPath().equals(unit.path());
                if (mine) {
                    scopes.add(new ReportScope(unit.id(), unit.name(), unit.path()));
                }
            }
            return scopes;
        });
    }

    /**
     * The scope a command line names: "company" (or empty), a unit's name or its id.
     *
     * @throws ReportException listing the choices when none matches
     */
    public ReportScope scope(Actor viewer, String name) {
        List<ReportScope> scopes = scopes(viewer);
        if (name == null || name.isBlank() || name.equalsIgnoreCase("company")) {
            return scopes.stream().filter(ReportScope::isCompany).findFirst().orElse(scopes.isEmpty() ? null : scopes.get(0));
        }
        return scopes.stream().filter(s -> s.name().equals(name.strip()) || s.key().equals(name.strip())).findFirst()
                .orElseThrow(() -> new ReportException("report.error.scope.unknown", name,
                        scopes.stream().map(ReportScope::name).collect(Collectors.joining("、"))));
    }

    /** The working calendar the schedule and the default period follow. */
    public WorkingCalendar calendar() {
        return db.transactionResult(cfg -> CalendarRepository.using(cfg).calendar());
    }

    /** What the report made today covers: the days since the previous working day. */
    public ReportPeriod defaultPeriod() {
        return ReportPeriod.before(BusinessTime.today(clock), calendar());
    }

    /** Computes the report, every section in one read-only transaction. */
    public DailyReport compute(Actor viewer, ReportPeriod period, ReportScope scope) {
        Objects.requireNonNull(scope, "scope");
        OffsetDateTime now = Rows.now(clock);
        OffsetDateTime asOf = period.to().isBefore(now) ? period.to() : now;
        return db.transactionResult(cfg -> {
            DailyReportRepository r = DailyReportRepository.using(cfg);
            var activities = r.activities(scope, viewer, period);
            var leads = r.leads(scope, viewer, period);
            var leadTotals = r.leadTotals(scope, viewer, period);
            var moves = r.stageMoves(scope, viewer, period);
            var approvals = r.approvals(scope, viewer, asOf);
            var collections = r.collections(scope, viewer, period.lastDay());
            var alerts = r.alerts(scope, viewer, period);
            List<TeamLine> teams = teamLines(activities, leads, moves, approvals, collections);
            return new DailyReport(period, scope, now, teams, activities, leads, leadTotals, moves, approvals,
                    collections, alerts);
        });
    }

    /** Team totals from the sections' rows, in the order the reps are listed (the org tree's). */
    static List<TeamLine> teamLines(List<DailyReport.RepActivity> activities, List<DailyReport.NewLead> leads,
                                    List<DailyReport.StageMove> moves, List<DailyReport.WaitingApproval> approvals,
                                    List<DailyReport.CollectionDue> collections) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> overdue = new LinkedHashMap<>();
        Function<String, int[]> line = team -> counts.computeIfAbsent(team == null ? "—" : team, k -> new int[6]);
        for (var a : activities) {
            int[] c = line.apply(a.team());
            c[0]++;
            c[1] += a.total();
            c[2] += a.effectiveTouches();
        }
        leads.stream().filter(l -> l.team() != null).forEach(l -> line.apply(l.team())[3]++);
        moves.forEach(m -> line.apply(m.team())[4]++);
        approvals.forEach(a -> line.apply(a.team())[5]++);
        for (var c : collections) {
            line.apply(c.team());
            if (c.daysOverdue() > 0) {
                overdue.merge(c.team() == null ? "—" : c.team(), c.outstanding(), BigDecimal::add);
            }
        }
        List<TeamLine> lines = new ArrayList<>();
        counts.forEach((team, c) -> lines.add(new TeamLine(team, c[0], c[1], c[2], c[3], c[4], c[5],
                overdue.getOrDefault(team, BigDecimal.ZERO))));
        return lines;
    }

    /**
     * Writes the report as .xlsx or .pdf, chosen by the file name.
     *
     * @throws ReportException for an unknown extension, a missing Chinese font, or a file that cannot be written
     */
    public Path write(DailyReport report, Path file, Locale language) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ReportTexts texts = new ReportTexts(language);
        if (!name.endsWith(".xlsx") && !name.endsWith(".pdf")) {
            throw new ReportException("report.error.format.unknown", file.getFileName().toString());
        }
        // The font is looked for before the file is opened, so a failure leaves no empty file behind.
        PdfReportWriter pdf = name.endsWith(".pdf") ? new PdfReportWriter(texts) : null;
        Path temp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = dir.resolve("." + file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (pdf != null) {
                    pdf.write(report, out);
                } else {
                    new XlsxReportWriter(texts).write(report, out);
                }
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new ReportException(e, "report.error.write.failed", file, e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    LOG.debug("Could not remove {}", temp);
                }
            }
        }
    }

    /** The summary paragraph of a report. */
    public String summary(DailyReport report, Locale language) {
        return new ReportSections(new ReportTexts(language)).summaryLine(report);
    }

    // ---- schedule and log -------------------------------------------------------------------

    public ReportSchedule schedule() {
        return db.transactionResult(cfg -> readSchedule(WorkspaceSettings.using(cfg)));
    }

    private static ReportSchedule readSchedule(WorkspaceSettings settings) {
        Map<String, String> s = settings.withPrefix(SETTING_PREFIX);
        if (s.isEmpty()) {
            return ReportSchedule.off();
        }
        String people = s.getOrDefault("recipients", "");
        return new ReportSchedule(Boolean.parseBoolean(s.get("enabled")),
                LocalTime.parse(s.getOrDefault("time", ReportSchedule.DEFAULT_TIME.toString())),
                Arrays.stream(people.split(",")).filter(p -> !p.isBlank()).map(UUID::fromString).toList(),
                Boolean.parseBoolean(s.get("channels")), Boolean.parseBoolean(s.get("perTeam")));
    }

    /** Parses "HH:mm" for the schedule. @throws ReportException saying how to write it */
    public static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new ReportException("report.error.schedule.time.invalid", text);
        }
    }

    /** Saves the schedule (managers and company-wide roles), recording the change in the audit trail. */
    public ReportSchedule saveSchedule(Actor actor, ReportSchedule schedule) {
        if (actor.role() == Role.REP) {
            throw new ReportException("report.error.schedule.notAllowed");
        }
        db.transaction(cfg -> {
            WorkspaceSettings settings = WorkspaceSettings.using(cfg);
            ReportSchedule before = readSchedule(settings);
            settings.put(SETTING_PREFIX + "enabled", Boolean.toString(schedule.enabled()));
            settings.put(SETTING_PREFIX + "time", schedule.at().withSecond(0).withNano(0).toString());
            settings.put(SETTING_PREFIX + "recipients",
                    schedule.recipients().stream().map(UUID::toString).collect(Collectors.joining(",")));
            settings.put(SETTING_PREFIX + "channels", Boolean.toString(schedule.toChannels()));
            settings.put(SETTING_PREFIX + "perTeam", Boolean.toString(schedule.perTeam()));
            Map<String, FieldChange> changes = FieldChange.diff(asMap(before), asMap(schedule));
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), ENTITY, SCHEDULE_ID,
                    ChangeEntry.Operation.UPDATE, changes);
        });
        return schedule();
    }

    private static Map<String, Object> asMap(ReportSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("time", s.at().toString());
        m.put("recipients", s.recipients().stream().map(UUID::toString).collect(Collectors.joining(",")));
        m.put("channels", s.toChannels());
        m.put("perTeam", s.perTeam());
        return m;
    }

    /** The latest generated reports, newest first. */
    public List<DailyReportRun> runs(int limit) {
        return db.transactionResult(cfg -> DailyReportRunRepository.using(cfg, clock).latest(limit));
    }

    /**
     * Makes a report now and keeps it in the reports folder as .xlsx and PDF, logged as a manual run.
     *
     * @return the run as logged
     */
    public DailyReportRun generate(Actor actor, ReportPeriod period, ReportScope scope, DailyReportRun.Trigger trigger) {
        UUID id = Ids.newId(clock);
        String key = trigger + "/" + id;
        db.transaction(cfg -> DailyReportRunRepository.using(cfg, clock).start(id, key, period, scope, trigger,
                actor.userId()));
        return produce(id, actor, period, scope, List.of(), false);
    }

    /**
     * What the client's timers call every minute: on a working day, once the set time has passed,
     * makes the company's report (and each team's, if set) for the days since the previous working
     * day, once per day across all clients of the database. A run after the app was closed at the
     * set time catches up the same day.
     *
     * @return the runs made now; empty when nothing was due
     */
    public synchronized List<DailyReportRun> runDue() {
        ReportSchedule schedule = schedule();
        if (!schedule.enabled()) {
            return List.of();
        }
        LocalDate today = BusinessTime.today(clock);
        WorkingCalendar calendar = calendar();
        if (!calendar.isWorkingDay(today)
                || LocalTime.ofInstant(clock.instant(), BusinessTime.ZONE).isBefore(schedule.at())) {
            return List.of();
        }
        ReportPeriod period = ReportPeriod.before(today, calendar);
        List<ReportScope> scopes = new ArrayList<>();
        scopes.addAll(scopes(SYSTEM).stream().filter(s -> s.isCompany() || schedule.perTeam()).toList());
        List<DailyReportRun> made = new ArrayList<>();
        for (ReportScope scope : scopes) {
            String key = "SCHEDULE/" + today + "/" + scope.key();
            UUID id = Ids.newId(clock);
            boolean mine = db.transactionResult(cfg -> {
                DailyReportRunRepository runs = DailyReportRunRepository.using(cfg, clock);
                if (runs.exists(key)) {
                    return false;
                }
                runs.start(id, key, period, scope, DailyReportRun.Trigger.SCHEDULE, null);
                return true;
            });
            if (mine) {
                try {
                    made.add(produce(id, SYSTEM, period, scope, schedule.recipients(), schedule.toChannels()));
                } catch (RuntimeException e) {
                    // Logged and marked FAILED in the run log; the other scopes and timers still run.
                    LOG.warn("Scheduled daily report for {} failed", scope.name());
                }
            }
        }
        return made;
    }

    /** Computes, writes both files, sends and logs one run that was started under {@code id}. */
    private DailyReportRun produce(UUID id, Actor actor, ReportPeriod period, ReportScope scope, List<UUID> recipients,
                                   boolean toChannels) {
        ReportTexts texts = new ReportTexts(locale);
        String base = "daily-report-" + period.lastDay() + "-" + fileSafe(scope.name()) + "-" + id.toString().substring(0, 8);
        String xlsx = null;
        String pdf = null;
        List<String> errors = new ArrayList<>();
        String summary = null;
        int sent = 0;
        try {
            DailyReport report = compute(actor, period, scope);
            summary = summary(report, locale);
            xlsx = write(report, reportsDir.resolve(base + ".xlsx"), locale).toString();
            try {
                pdf = write(report, reportsDir.resolve(base + ".pdf"), locale).toString();
            } catch (ReportException e) {
                // The workbook is still made and sent; the log says why the PDF is missing.
                errors.add(e.message(locale));
                LOG.warn("Daily report PDF not written: {}", e.getMessage());
            }
            if (!recipients.isEmpty()) {
                String title = texts.get("summary.title", scope.name(), period.label());
                String body = summary + "\n" + texts.get("summary.file", pdf != null ? pdf : xlsx);
                sent = db.transactionResult(cfg -> {
                    NotificationRepository.using(cfg, clock).send(recipients, MESSAGE_KIND, title, shorten(body, 1000),
                            ENTITY, id);
                    int n = recipients.size();
                    if (toChannels) {
                        n += OutboxRepository.using(cfg, clock).enqueue(recipients, MESSAGE_KIND, title, body);
                    }
                    return n;
                });
            }
        } catch (RuntimeException e) {
            LOG.error("Daily report {} for {} failed", period.label(), scope.name(), e);
            errors.add(e instanceof ReportException r ? r.message(locale) : String.valueOf(e.getMessage()));
            finish(id, DailyReportRun.Status.FAILED, xlsx, pdf, summary, String.join("; ", errors), sent);
            throw e;
        }
        finish(id, DailyReportRun.Status.DONE, xlsx, pdf, summary, errors.isEmpty() ? null : String.join("; ", errors),
                sent);
        LOG.info("Daily report {} for {} written to {}", period.label(), scope.name(), reportsDir);
        return runs(50).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void finish(UUID id, DailyReportRun.Status status, String xlsx, String pdf, String summary, String error,
                        int sent) {
        db.transaction(cfg -> DailyReportRunRepository.using(cfg, clock).finish(id, status, xlsx, pdf, summary, error,
                sent));
    }

    private static String fileSafe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
