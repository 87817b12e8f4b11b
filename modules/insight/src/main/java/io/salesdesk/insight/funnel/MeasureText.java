package io.salesdesk.insight.funnel;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.crm.ActivityKind;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * A node's threshold and a deal's measured data in words, for coaching prompts and the funnel view:
 * "进入「方案演示」前有「备注·资料」记录", "最慢 30.5 小时（11-03 10:20 的提问）".
 */
public final class MeasureText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Locale locale;
    private final Function<String, String> stageName;

    /** @param stageName a stage's name in the user's language from its code */
    public MeasureText(Locale locale, Function<String, String> stageName) {
        this.locale = locale;
        this.stageName = stageName;
    }

    /** What the node asks for. */
    public String threshold(Measure m) {
        if (m instanceof Measure.ActivityBeforeStage b) {
            return say("threshold.before", what(b.activityKind(), b.keyword()), stageName.apply(b.stage()));
        }
        if (m instanceof Measure.ActivityCount c) {
            String from = c.fromStage() == null ? say("from.opened") : say("from.stage", stageName.apply(c.fromStage()));
            return say("threshold.count", from, c.days(), what(c.activityKind(), c.keyword()), c.minimum());
        }
        if (m instanceof Measure.ReplyWithin w) {
            return say("threshold.reply", what(w.activityKind(), w.keyword()), w.hours());
        }
        Measure.StageWithin s = (Measure.StageWithin) m;
        return say("threshold.stage", s.days(), stageName.apply(s.stage()));
    }

    /** What was measured on the deal. */
    public String measured(Measure m, BigDecimal value, OffsetDateTime evidenceAt) {
        String when = evidenceAt == null ? "" : WHEN.format(evidenceAt.atZoneSameInstant(BusinessTime.ZONE));
        if (m instanceof Measure.ActivityBeforeStage) {
            return value == null ? say("measured.before.none", when) : say("measured.before", value);
        }
        if (m instanceof Measure.ActivityCount) {
            return say("measured.count", value == null ? 0 : value.intValue(), when);
        }
        if (m instanceof Measure.ReplyWithin) {
            return value == null ? say("measured.reply.waiting", when) : say("measured.reply", value, when);
        }
        return evidenceAt == null ? say("measured.stage.notReached", value == null ? 0 : value)
                : say("measured.stage", value);
    }

    /** "演示" or "备注·资料": the kind and keyword that make an activity count. */
    private String what(ActivityKind kind, String keyword) {
        String k = kind == null ? say("kind.any") : say("kind." + kind.name());
        return keyword == null || keyword.isBlank() ? k : k + "·" + keyword;
    }

    /** A measure kind's name, e.g. for the node editor. */
    public String kindName(Measure.Kind kind) {
        return say("measure." + kind.name());
    }

    private String say(String key, Object... args) {
        return new MessageFormat(ResourceBundle.getBundle("io.salesdesk.insight.funnel", locale).getString(key), locale)
                .format(args);
    }
}
