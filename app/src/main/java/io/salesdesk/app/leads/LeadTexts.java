package io.salesdesk.app.leads;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;

/** The words the leads page shows for statuses, flags and response times, in the user's language. */
final class LeadTexts {

    private LeadTexts() {
    }

    static String status(LeadStatus status) {
        return I18n.label("leadStatus", status);
    }

    /** A flag's short name for a chip: 兜底分配, 区域外, 无人可接, 主管改派. */
    static String flag(Lead.AssignmentFlag flag) {
        return I18n.label("leadFlag", flag);
    }

    /** What the flag asks a manager to look at, for the chip's tooltip. */
    static String flagHint(Lead.AssignmentFlag flag) {
        return flag == null ? "" : I18n.get("leadFlag.hint." + flag.name());
    }

    /** When, as short as a table column wants it: "今天 09:30", "昨天 17:05", "11月3日 14:20", or the full date. */
    static String when(OffsetDateTime time, Clock clock) {
        if (time == null) {
            return "";
        }
        LocalDateTime local = time.atZoneSameInstant(clock.getZone()).toLocalDateTime();
        LocalDate today = LocalDate.now(clock);
        String hour = local.format(DateTimeFormatter.ofPattern("HH:mm"));
        if (local.toLocalDate().equals(today)) {
            return I18n.get("leads.when.today", hour);
        }
        if (local.toLocalDate().equals(today.minusDays(1))) {
            return I18n.get("leads.when.yesterday", hour);
        }
        if (local.getYear() == today.getYear()) {
            return Formats.shortDate(local.toLocalDate(), clock) + " " + hour;
        }
        return Formats.date(local.toLocalDate());
    }

    /** "35 分钟", "2 小时 5 分", "3 天 4 小时"; empty until the lead was answered. */
    static String minutes(Integer minutes) {
        if (minutes == null) {
            return "";
        }
        int m = minutes;
        if (m < 60) {
            return I18n.get("leads.minutes", m);
        }
        if (m < 24 * 60) {
            return I18n.get("leads.hours", m / 60, m % 60);
        }
        return I18n.get("leads.days", m / (24 * 60), m % (24 * 60) / 60);
    }

    /**
     * What a refusal says. A refused move names the two statuses by their codes; they are shown by
     * their names ("不能从「新线索」改为「已联系」").
     */
    static String error(Throwable error) {
        if (error instanceof SalesDeskException refused && "lead.move.notAllowed".equals(refused.messageKey())
                && refused.arguments().length == 2) {
            return I18n.get(refused.messageKey(), statusName(refused.arguments()[0]),
                    statusName(refused.arguments()[1]));
        }
        if (error instanceof ValidationException invalid) {
            return invalid.problems().stream().map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                    .collect(Collectors.joining(I18n.get("leads.separator")));
        }
        return I18n.message(error);
    }

    private static String statusName(Object code) {
        try {
            return status(LeadStatus.valueOf(String.valueOf(code)));
        } catch (IllegalArgumentException e) {
            return String.valueOf(code);
        }
    }
}
