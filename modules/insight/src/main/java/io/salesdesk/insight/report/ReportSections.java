package io.salesdesk.insight.report;

import io.salesdesk.insight.report.DailyReport.Alert;
import io.salesdesk.insight.report.DailyReport.CollectionDue;
import io.salesdesk.insight.report.DailyReport.LeadTotals;
import io.salesdesk.insight.report.DailyReport.NewLead;
import io.salesdesk.insight.report.DailyReport.RepActivity;
import io.salesdesk.insight.report.DailyReport.StageMove;
import io.salesdesk.insight.report.DailyReport.TeamLine;
import io.salesdesk.insight.report.DailyReport.WaitingApproval;
import io.salesdesk.insight.report.ReportSection.Column;
import io.salesdesk.insight.report.ReportSection.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays a {@link DailyReport} out as its sections, in the reader's language. */
public final class ReportSections {

    private final ReportTexts texts;

    public ReportSections(ReportTexts texts) {
        this.texts = texts;
    }

    public List<ReportSection> of(DailyReport report) {
        return List.of(summary(report), activities(report), leads(report), stageMoves(report), approvals(report),
                collections(report), alerts(report));
    }

    /** The one-paragraph summary sent through the channels and shown above the sections. */
    public String summaryLine(DailyReport report) {
        long overdue = report.collections().stream().filter(c -> c.daysOverdue() > 0).count();
        return texts.get("summary.line", report.scope().name(), report.activityTotal(), report.touchTotal(),
                report.leadTotals().count(), report.stageMoves().size(), report.approvals().size(), overdue,
                new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                        .format(report.overdueOutstanding()), report.alerts().size());
    }

    /** The lead totals line, "—" for a response time nobody gave. */
    public String leadTotalsLine(LeadTotals t) {
        return texts.get("leads.totals", t.count(), t.answered(), t.unassigned(),
                t.averageMinutes() == null ? "—" : t.averageMinutes(),
                t.slowestMinutes() == null ? "—" : t.slowestMinutes());
    }

    private ReportSection summary(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (TeamLine t : report.teams()) {
            rows.add(row(t.team(), t.reps(), t.activities(), t.effectiveTouches(), t.newLeads(), t.stageMoves(),
                    t.approvalsWaiting(), t.overdueOutstanding()));
        }
        return section("summary", List.of(text("col.team", 22), count("col.reps"), count("col.total"),
                        count("col.touches", 16), count("col.newLeads"), count("col.stageMoves"),
                        count("col.approvalsWaiting"), money("col.overdueOutstanding")), rows,
                texts.noData("noData.reps"));
    }

    private ReportSection activities(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (RepActivity a : report.activities()) {
            rows.add(row(a.rep(), a.team(), a.calls(), a.visits(), a.meetings(), a.demos(), a.notes(), a.total(),
                    a.effectiveTouches()));
        }
        // With reps listed but nothing recorded, the zeros are shown and the reason is still said.
        String empty = report.activities().isEmpty() ? texts.noData("noData.reps") : texts.noData("noData.activities");
        return new ReportSection("activities", texts.get("section.activities"), activityColumns(), rows, empty);
    }

    private List<Column> activityColumns() {
        return List.of(text("col.rep", 12), text("col.team", 18), count("col.calls"), count("col.visits"),
                count("col.meetings"), count("col.demos"), count("col.notes"), count("col.total"),
                count("col.touches", 16));
    }

    private ReportSection leads(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (NewLead l : report.leads()) {
            rows.add(row(l.name(), l.source(), l.owner() == null ? texts.get("unassigned") : l.owner(), l.team(),
                    l.status(), l.createdAt(), l.responseMinutes()));
        }
        return section("leads", List.of(text("col.lead", 26), text("col.source", 12), text("col.owner", 12),
                text("col.team", 18), text("col.status", 12), time("col.createdAt"), count("col.responseMinutes", 16)),
                rows, texts.noData("noData.leads"));
    }

    private ReportSection stageMoves(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (StageMove m : report.stageMoves()) {
            rows.add(row(m.opportunity(), m.customer(), m.owner(), m.team(), m.fromStageName(), m.toStageName(),
                    m.amount(), m.movedAt()));
        }
        return section("stageMoves", List.of(text("col.opportunity", 28), text("col.customer", 26),
                text("col.owner", 12), text("col.team", 18), text("col.from", 12), text("col.to", 12),
                money("col.amount"), time("col.movedAt")), rows, texts.noData("noData.stageMoves"));
    }

    private ReportSection approvals(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (WaitingApproval a : report.approvals()) {
            rows.add(row(a.title(), a.submitter(), a.team(), a.step(), a.submittedAt(), a.waitingHours(),
                    texts.get(a.overdue() ? "yes" : "no")));
        }
        return section("approvals", List.of(text("col.title", 36), text("col.submitter", 12), text("col.team", 18),
                text("col.step", 16), time("col.submittedAt"), count("col.waitingHours", 14), text("col.overdue", 10)),
                rows, texts.noData("noData.approvals"));
    }

    private ReportSection collections(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (CollectionDue c : report.collections()) {
            rows.add(row(c.customer(), c.contract(), c.owner(), c.team(), c.milestone(), c.dueOn(), c.amount(),
                    c.outstanding(), Math.max(0, c.daysOverdue())));
        }
        return section("collections", List.of(text("col.customer", 26), text("col.contract", 18),
                text("col.owner", 12), text("col.team", 18), text("col.milestone", 12), date("col.dueOn"),
                money("col.amount"), money("col.outstanding"), count("col.daysOverdue")), rows,
                texts.noData("noData.collections", DailyReport.COLLECTIONS_AHEAD_DAYS));
    }

    private ReportSection alerts(DailyReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Alert a : report.alerts()) {
            rows.add(row(texts.get("alert." + a.kind().name()), a.subject(), a.owner(), a.detail(), a.raisedAt()));
        }
        return section("alerts", List.of(text("col.kind", 12), text("col.subject", 28), text("col.owner", 12),
                text("col.detail", 50), time("col.raisedAt")), rows, texts.noData("noData.alerts"));
    }

    private ReportSection section(String key, List<Column> columns, List<List<Object>> rows, String empty) {
        return new ReportSection(key, texts.get("section." + key), columns, rows, empty);
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    private Column text(String key, int width) {
        return new Column(texts.get(key), Kind.TEXT, width);
    }

    private Column count(String key) {
        return count(key, 10);
    }

    private Column count(String key, int width) {
        return new Column(texts.get(key), Kind.COUNT, width);
    }

    private Column money(String key) {
        return new Column(texts.get(key), Kind.MONEY, 18);
    }

    private Column date(String key) {
        return new Column(texts.get(key), Kind.DATE, 12);
    }

    private Column time(String key) {
        return new Column(texts.get(key), Kind.TIME, 17);
    }
}
