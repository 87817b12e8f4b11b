package io.salesdesk.app.cli;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.insight.report.DailyReport;
import io.salesdesk.insight.report.DailyReportService;
import io.salesdesk.insight.report.ReportException;
import io.salesdesk.insight.report.ReportPeriod;
import io.salesdesk.insight.report.ReportScope;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code salesdesk report daily}: the daily report (日报) as .xlsx or PDF, for scripts and the task scheduler. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Make reports.",
        subcommands = ReportCommand.Daily.class)
public final class ReportCommand {

    @ParentCommand
    SalesDeskCommand root;

    /** {@code salesdesk report daily --date D --out FILE [--team T]}. */
    @Command(name = "daily", mixinStandardHelpOptions = true,
            description = "Write the daily report of one day as .xlsx or .pdf (chosen by the file name).")
    static final class Daily implements Callable<Integer> {

        @ParentCommand
        ReportCommand report;

        @Spec
        CommandSpec spec;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "The day reported on (default: the days since the previous working day).")
        LocalDate date;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: .xlsx or .pdf.")
        Path out;

        @Option(names = "--team", paramLabel = "TEAM",
                description = "A team or region by name (default: the whole company).")
        String team;

        @Option(names = "--user", paramLabel = "USERNAME",
                description = "Report as this user, with what they may see (default: the first administrator).")
        String username;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (Database db = Database.open(report.root.databaseConfig())) {
                DailyReportService reports = new DailyReportService(db, clock, AppContext.reportsRoot(db), I18n.locale());
                Actor actor = ImportCommand.actor(db, clock, username, report.root.passwordEnv);
                try {
                    ReportScope scope = reports.scope(actor, team);
                    ReportPeriod period = date == null ? reports.defaultPeriod() : ReportPeriod.day(date);
                    DailyReport daily = reports.compute(actor, period, scope);
                    Path written = reports.write(daily, out, I18n.locale());
                    stdout.println(reports.summary(daily, I18n.locale()));
                    stdout.println(I18n.get("cli.report.written", written.toAbsolutePath()));
                    return 0;
                } catch (ReportException e) {
                    spec.commandLine().getErr().println(e.message(I18n.locale()));
                    return 2;
                }
            }
        }
    }
}
