package io.salesdesk.app.dashboard;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.insight.funnel.MeasureText;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Small wording helpers shared by the funnel and tier rule views. */
final class InsightTexts {

    private InsightTexts() {
    }

    /** "75%" or "—" (no data) for a 0–1 ratio. */
    static String percent(OptionalDouble ratio) {
        return ratio.isEmpty() ? I18n.get("insight.noRatio") : Math.round(ratio.getAsDouble() * 100) + "%";
    }

    /** A refusal in the user's words: each field's problem on its own line. */
    static String refusal(Throwable error) {
        if (error instanceof ValidationException v) {
            return v.problems().stream().map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                    .collect(Collectors.joining("\n"));
        }
        return I18n.message(error);
    }

    /** Threshold and measured-data wording in the UI's language with the pipeline's stage names. */
    static MeasureText measureText(List<OpportunityStage> stages) {
        return new MeasureText(I18n.locale(), code -> stages.stream().filter(s -> s.code().equals(code))
                .map(s -> s.name(I18n.locale())).findFirst().orElse(String.valueOf(code)));
    }
}
