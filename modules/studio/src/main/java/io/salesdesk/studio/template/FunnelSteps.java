package io.salesdesk.studio.template;

import io.salesdesk.insight.funnel.FunnelNode;
import io.salesdesk.insight.funnel.Measure;

/** Funnel nodes as a template file spells them: the measure's kind by name and its parameters side by side. */
final class FunnelSteps {

    private FunnelSteps() {
    }

    /**
     * The measure a step describes.
     *
     * @throws IllegalArgumentException if the measure kind is not one SalesDesk knows
     */
    static Measure measure(Template.FunnelStep s) {
        return switch (Measure.Kind.valueOf(s.measure())) {
            case ACTIVITY_BEFORE_STAGE -> new Measure.ActivityBeforeStage(s.activityKind(), s.keyword(), s.stage());
            case ACTIVITY_COUNT -> new Measure.ActivityCount(s.activityKind(), s.keyword(), s.fromStage(),
                    orZero(s.days()), orZero(s.minimum()));
            case REPLY_WITHIN -> new Measure.ReplyWithin(s.activityKind(), s.keyword(), orZero(s.hours()));
            case STAGE_WITHIN -> new Measure.StageWithin(s.stage(), orZero(s.days()));
        };
    }

    static FunnelNode node(Template.FunnelStep s, int order) {
        return new FunnelNode(null, order, s.name(), measure(s));
    }

    static Template.FunnelStep step(FunnelNode n) {
        Measure m = n.measure();
        String kind = m.kind().name();
        if (m instanceof Measure.ActivityBeforeStage b) {
            return new Template.FunnelStep(n.name(), kind, b.activityKind(), b.keyword(), b.stage(), null, null, null,
                    null);
        }
        if (m instanceof Measure.ActivityCount c) {
            return new Template.FunnelStep(n.name(), kind, c.activityKind(), c.keyword(), null, c.fromStage(), c.days(),
                    c.minimum(), null);
        }
        if (m instanceof Measure.ReplyWithin w) {
            return new Template.FunnelStep(n.name(), kind, w.activityKind(), w.keyword(), null, null, null, null,
                    w.hours());
        }
        Measure.StageWithin s = (Measure.StageWithin) m;
        return new Template.FunnelStep(n.name(), kind, null, null, s.stage(), null, s.days(), null, null);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
