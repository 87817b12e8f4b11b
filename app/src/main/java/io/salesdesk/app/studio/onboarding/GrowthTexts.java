package io.salesdesk.app.studio.onboarding;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.onboarding.StepProgress;

/** How a step's due day and state read. */
final class GrowthTexts {

    private GrowthTexts() {
    }

    /** "11-11 截止", "11-11 已逾期", "已完成", "未通过（62 分），需重练". */
    static String due(StepProgress step) {
        return switch (step.state()) {
            case DONE -> I18n.get("onboarding.state.DONE");
            case FAILED -> I18n.get("onboarding.state.FAILED", step.record().score());
            case OVERDUE -> I18n.get("onboarding.state.OVERDUE", Formats.date(step.dueOn()));
            case OPEN -> I18n.get("onboarding.state.OPEN", Formats.date(step.dueOn()));
        };
    }
}
