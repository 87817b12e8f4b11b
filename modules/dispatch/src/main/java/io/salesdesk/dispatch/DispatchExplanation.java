package io.salesdesk.dispatch;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * Words an assignment the way a manager would say it, e.g. "分配给张伟：区域匹配 杭州市；负荷指数
 * 0.42（组内最低）；医院类客户平均成交周期 21 天（组内最快）". It is written on the lead in the
 * language of whoever dispatched it.
 */
public final class DispatchExplanation {

    private final ResourceBundle words;
    private final Locale locale;
    private final UnaryOperator<String> regionNames;

    /**
     * @param regionNames a region's name for its code, e.g. 330100 → 杭州市
     */
    public DispatchExplanation(Locale locale, UnaryOperator<String> regionNames) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle("io.salesdesk.dispatch.explanations", locale);
        this.regionNames = regionNames;
    }

    public String explain(Assignment a, String leadRegionCode) {
        if (!a.assigned()) {
            return say("nobody");
        }
        List<String> parts = new ArrayList<>();
        if (a.flag() != null) {
            switch (a.flag()) {
                case NO_REGION -> parts.add(say("noRegion"));
                case OUT_OF_TERRITORY -> parts.add(say("outOfTerritory", regionNames.apply(leadRegionCode)));
                default -> { }
            }
        }
        if (a.territory() != null) {
            parts.add(say("region", regionNames.apply(a.territory())));
        }
        parts.add(say("load", String.format(Locale.ROOT, "%.2f", a.loadIndex()))
                + (a.lowestLoad() ? say("lowest") : ""));
        if (Double.isNaN(a.cycleDays())) {
            parts.add(say("noHistory"));
        } else {
            String days = String.valueOf(Math.round(a.cycleDays()));
            String cycle = a.industry() != null ? say("cycle.industry", industry(a.industry()), days) : say("cycle", days);
            parts.add(cycle + (a.fastest() ? say("fastest") : ""));
        }
        if (a.tieBroken()) {
            parts.add(say("tie"));
        }
        return say("assigned", a.repName(), String.join(say("separator"), parts));
    }

    private String industry(String code) {
        try {
            return words.getString("industry." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    private String say(String key, Object... args) {
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
