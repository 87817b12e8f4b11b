package io.salesdesk.app.settings;

import java.time.ZoneId;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.workflow.notify.channel.Delivery;
import io.salesdesk.workflow.notify.channel.SendResult;

/** How a delivery attempt reads in the channel list, the log and the form: "已发送", "重试中（第 3 次…）", "失败：…". */
final class ChannelTexts {

    private ChannelTexts() {
    }

    static String state(Delivery d, ZoneId zone) {
        if (d == null) {
            return I18n.get("channels.state.none");
        }
        return switch (d.outcome()) {
            case SENT -> I18n.get("channels.state.sent", Formats.dateTime(d.attemptedAt(), zone));
            case RETRY -> I18n.get("channels.state.retry", d.attemptNo(), Formats.dateTime(d.nextAttemptAt(), zone),
                    error(d.error()));
            case FAILED -> I18n.get("channels.state.failed", error(d.error()));
        };
    }

    static String outcome(Delivery d) {
        return I18n.label("channels.outcome", d.outcome());
    }

    static String testResult(SendResult result) {
        return result.delivered() ? I18n.get("channels.test.ok")
                : I18n.get("channels.test.failed", error(result.error()));
    }

    private static String error(String error) {
        return error == null ? "" : error;
    }
}
