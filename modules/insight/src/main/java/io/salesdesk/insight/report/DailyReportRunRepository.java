package io.salesdesk.insight.report;

import static io.salesdesk.db.jooq.Tables.DAILY_REPORT_RUN;

import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.DailyReportRunRecord;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The log of generated daily reports (daily_report_run). */
public final class DailyReportRunRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private DailyReportRunRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static DailyReportRunRepository using(Configuration configuration, Clock clock) {
        return new DailyReportRunRepository(configuration, clock);
    }

    /** Whether a run with this key exists (a scheduled report already made, here or on another client). */
    public boolean exists(String runKey) {
        return dsl.fetchExists(DAILY_REPORT_RUN, DAILY_REPORT_RUN.RUN_KEY.eq(runKey));
    }

    /** Starts a run; the unique run key makes a second client's start fail. */
    public void start(UUID id, String runKey, ReportPeriod period, ReportScope scope, DailyReportRun.Trigger trigger,
                      UUID by) {
        dsl.insertInto(DAILY_REPORT_RUN)
                .set(DAILY_REPORT_RUN.ID, id)
                .set(DAILY_REPORT_RUN.RUN_KEY, runKey)
                .set(DAILY_REPORT_RUN.FIRST_DAY, period.firstDay())
                .set(DAILY_REPORT_RUN.LAST_DAY, period.lastDay())
                .set(DAILY_REPORT_RUN.SCOPE_UNIT_ID, scope.unitId())
                .set(DAILY_REPORT_RUN.SCOPE_NAME, scope.name())
                .set(DAILY_REPORT_RUN.TRIGGER_KIND, trigger.name())
                .set(DAILY_REPORT_RUN.STATUS, DailyReportRun.Status.RUNNING.name())
                .set(DAILY_REPORT_RUN.SENT_COUNT, 0)
                .set(DAILY_REPORT_RUN.GENERATED_AT, Rows.now(clock))
                .set(DAILY_REPORT_RUN.GENERATED_BY, by)
                .execute();
    }

    /** Records how a run ended. */
    public void finish(UUID id, DailyReportRun.Status status, String xlsxPath, String pdfPath, String summary,
                       String error, int sentCount) {
        dsl.update(DAILY_REPORT_RUN)
                .set(DAILY_REPORT_RUN.STATUS, status.name())
                .set(DAILY_REPORT_RUN.XLSX_PATH, xlsxPath)
                .set(DAILY_REPORT_RUN.PDF_PATH, pdfPath)
                .set(DAILY_REPORT_RUN.SUMMARY, shorten(summary, 2000))
                .set(DAILY_REPORT_RUN.ERROR_TEXT, shorten(error, 1000))
                .set(DAILY_REPORT_RUN.SENT_COUNT, sentCount)
                .where(DAILY_REPORT_RUN.ID.eq(id)).execute();
    }

    /** The latest runs first. */
    public List<DailyReportRun> latest(int limit) {
        return dsl.selectFrom(DAILY_REPORT_RUN).orderBy(DAILY_REPORT_RUN.GENERATED_AT.desc(), DAILY_REPORT_RUN.ID.desc())
                .limit(limit).fetch(DailyReportRunRepository::toRun);
    }

    private static DailyReportRun toRun(DailyReportRunRecord r) {
        return new DailyReportRun(r.getId(), r.getFirstDay(), r.getLastDay(), r.getScopeName(),
                DailyReportRun.Trigger.valueOf(r.getTriggerKind()), DailyReportRun.Status.valueOf(r.getStatus()),
                r.getXlsxPath(), r.getPdfPath(), r.getSummary(), r.getErrorText(), r.getSentCount(),
                r.getGeneratedAt());
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
