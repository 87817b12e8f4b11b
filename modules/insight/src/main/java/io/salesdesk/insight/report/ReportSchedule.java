package io.salesdesk.insight.report;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * When and to whom the daily report goes by itself: on every working day at {@code at} (company
 * time zone), for the days since the previous working day, written to the data folder's
 * {@code reports} folder.
 *
 * @param recipients      users who get the summary in their inbox and, where a channel carries
 *                        {@value DailyReportService#MESSAGE_KIND}, by e-mail or group robot
 * @param toChannels      whether the outbound channels (e-mail, WeCom, DingTalk, Feishu) get it too
 * @param perTeam         whether a report per team is written beside the company's
 */
public record ReportSchedule(boolean enabled, LocalTime at, List<UUID> recipients, boolean toChannels,
                             boolean perTeam) {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 30);

    public ReportSchedule {
        recipients = List.copyOf(recipients);
    }

    public static ReportSchedule off() {
        return new ReportSchedule(false, DEFAULT_TIME, List.of(), false, false);
    }
}
