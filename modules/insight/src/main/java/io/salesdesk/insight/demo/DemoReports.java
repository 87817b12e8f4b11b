package io.salesdesk.insight.demo;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.Role;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityFilter;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.insight.report.DailyReportRun;
import io.salesdesk.insight.report.DailyReportService;
import io.salesdesk.insight.report.ReportPeriod;
import io.salesdesk.insight.report.ReportSchedule;
import io.salesdesk.insight.report.ReportScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's daily report: the demo's deals carry no stage history, so a few of them move one stage
 * on in the afternoon of the day before (recorded by the deal service, as a rep's drag would be);
 * the schedule is switched on for 08:30 with the general manager and the regional managers as
 * recipients; and the first report is generated, so the list of reports is not empty.
 */
public final class DemoReports {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReports.class);
    private static final int MOVES = 12;

    private final Database db;
    private final Clock clock;
    private final Path reportsDir;

    public DemoReports(Database db, Clock clock, Path reportsDir) {
        this.db = db;
        this.clock = clock;
        this.reportsDir = reportsDir;
    }

    public void create(long seed) {
        DailyReportService reports = new DailyReportService(db, clock, reportsDir, Locale.SIMPLIFIED_CHINESE);
        ReportPeriod period = reports.defaultPeriod();
        List<User> users = new UserService(db, clock).all();
        Map<UUID, User> byId = users.stream().collect(Collectors.toMap(User::id, Function.identity()));
        User gm = users.stream().filter(u -> u.role() == Role.GM).findFirst()
                .orElse(users.stream().filter(u -> u.role().seesEverything()).findFirst().orElse(null));
        if (gm == null) {
            LOG.warn("Demo reports: no company-wide user, nothing to do");
            return;
        }
        moveDeals(gm.asActor(), byId, period.lastDay(), new SplittableRandom(seed));
        List<UUID> recipients = new ArrayList<>();
        recipients.add(gm.id());
        users.stream().filter(u -> u.role() == Role.MANAGER).map(User::id).forEach(recipients::add);
        reports.saveSchedule(gm.asActor(), new ReportSchedule(true, ReportSchedule.DEFAULT_TIME, recipients, false, false));
        ReportScope company = reports.scope(gm.asActor(), null);
        try {
            reports.generate(gm.asActor(), period, company, DailyReportRun.Trigger.MANUAL);
        } catch (RuntimeException e) {
            // The demo is still usable without its first file; the log says why.
            LOG.warn("Demo reports: the first daily report could not be written", e);
        }
    }

    /** Moves up to {@link #MOVES} early-stage deals one stage on, each as its owner, in the afternoon of {@code day}. */
    private void moveDeals(Actor gm, Map<UUID, User> users, LocalDate day, SplittableRandom random) {
        OpportunityService now = new OpportunityService(db, clock);
        List<Opportunity> early = new ArrayList<>();
        early.addAll(now.column(gm, "INITIAL", OpportunityFilter.all()));
        early.addAll(now.column(gm, "NEEDS", OpportunityFilter.all()));
        int moved = 0;
        for (int i = 0; i < early.size() && moved < MOVES; i += 1 + random.nextInt(3)) {
            Opportunity deal = early.get(i);
            User owner = users.get(deal.ownerId());
            if (owner == null) {
                continue;
            }
            Clock at = Clock.fixed(day.atTime(LocalTime.of(13, 0).plusMinutes(moved * 17L)).atZone(BusinessTime.ZONE)
                    .toInstant(), ZoneOffset.UTC);
            String next = deal.stage().equals("INITIAL") ? "NEEDS" : "SOLUTION";
            new OpportunityService(db, at).move(owner.asActor(), deal.id(), deal.version(), next, null, null, null);
            moved++;
        }
        LOG.info("Demo reports: {} deals moved on {}", moved, day);
    }
}
