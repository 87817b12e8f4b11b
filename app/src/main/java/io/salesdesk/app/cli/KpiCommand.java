package io.salesdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.dashboard.KpiText;
import io.salesdesk.commerce.cost.CostService;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.UserService;
import io.salesdesk.db.Database;
import io.salesdesk.insight.kpi.KpiFigure;
import io.salesdesk.insight.kpi.KpiGroupFigures;
import io.salesdesk.insight.kpi.KpiGrouping;
import io.salesdesk.insight.kpi.KpiKind;
import io.salesdesk.insight.kpi.KpiReport;
import io.salesdesk.insight.kpi.KpiService;
import io.salesdesk.insight.kpi.Period;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code salesdesk kpi --from D --to D [--by rep|team|region] [--json]}: the dashboard's KPIs for
 * scripts and BI tools, computed by the same service as the dashboard.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "Print the KPIs of a period: signed amount, lead response, contract cycle, paperwork, "
                + "attrition, CAC, touches, conversion.")
public final class KpiCommand implements Callable<Integer> {

    @ParentCommand
    SalesDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the period.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period.")
    String to;

    @Option(names = "--by", paramLabel = "rep|team|region", description = "Also break the figures down per rep, team or region.")
    String by;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--user", paramLabel = "USERNAME", description = "See what this user may see (default: the first administrator).")
    String username;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from.strip());
            last = LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            err.println(I18n.get("cli.kpi.badDate", e.getParsedString()));
            return 2;
        }
        if (last.isBefore(first)) {
            err.println(I18n.get("cli.kpi.badPeriod", first, last));
            return 2;
        }
        KpiGrouping grouping = KpiGrouping.ALL;
        if (by != null) {
            try {
                grouping = KpiGrouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println(I18n.get("cli.kpi.badGrouping", by));
                return 2;
            }
        }
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(root.databaseConfig())) {
            Actor actor = ImportCommand.actor(db, clock, username, root.passwordEnv);
            KpiReport report = new KpiService(db, new CostService(db, clock)).report(actor, new Period(first, last),
                    grouping);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                        asJson(report)));
            } else {
                printTable(out, report);
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, KpiReport report) {
        out.println(I18n.get("cli.kpi.title", report.period().from(), report.period().to()));
        for (KpiKind kind : KpiKind.values()) {
            KpiFigure f = report.figure(kind);
            out.printf("  %-24s %s%n", KpiText.label(kind), f.hasValue()
                    ? KpiText.value(f) + "  (" + I18n.get("cli.kpi.records", f.records()) + ")"
                    : KpiText.value(f) + " — " + KpiText.reason(f));
        }
        for (KpiGroupFigures g : report.groups()) {
            out.println();
            out.println(g.groupName() == null ? I18n.get("dashboard.unassigned") : g.groupName());
            for (KpiKind kind : KpiKind.values()) {
                KpiFigure f = g.figure(kind);
                if (f.hasValue()) {
                    out.printf("  %-24s %s%n", KpiText.label(kind), KpiText.value(f));
                }
            }
        }
    }

    private static Map<String, Object> asJson(KpiReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", report.period().from().toString());
        root.put("to", report.period().to().toString());
        root.put("by", report.grouping().name().toLowerCase(Locale.ROOT));
        root.put("total", figures(report.total()));
        List<Object> groups = new ArrayList<>();
        for (KpiGroupFigures g : report.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.groupId() == null ? null : g.groupId().toString());
            group.put("name", g.groupName());
            group.put("figures", figures(g));
            groups.add(group);
        }
        root.put("groups", groups);
        return root;
    }

    private static Map<String, Object> figures(KpiGroupFigures group) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (KpiKind kind : KpiKind.values()) {
            KpiFigure f = group.figure(kind);
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("value", f.value());
            figure.put("unit", kind.unit().name().toLowerCase(Locale.ROOT));
            figure.put("records", f.records());
            if (f.excluded() > 0) {
                figure.put("excluded", f.excluded()); // records left out as data errors
            }
            if (!f.hasValue()) {
                figure.put("noData", f.noDataReason());
                figure.put("reason", I18n.get(f.noDataReason()));
            }
            figures.put(kind.name().toLowerCase(Locale.ROOT), figure);
        }
        return figures;
    }
}
