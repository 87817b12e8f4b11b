package io.salesdesk.insight.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One generated daily report in the log: what it covers, where its files are, whether it went out.
 *
 * @param xlsxPath  the workbook, null if none was written
 * @param pdfPath   the PDF, null if none was written (e.g. no Chinese font; see {@code error})
 * @param sentCount messages put in the inbox and the outbound channels
 */
public record DailyReportRun(UUID id, LocalDate firstDay, LocalDate lastDay, String scopeName, Trigger trigger,
                             Status status, String xlsxPath, String pdfPath, String summary, String error,
                             int sentCount, OffsetDateTime generatedAt) {

    /** What made it. */
    public enum Trigger {
        SCHEDULE, MANUAL, CLI
    }

    public enum Status {
        RUNNING, DONE, FAILED
    }
}
