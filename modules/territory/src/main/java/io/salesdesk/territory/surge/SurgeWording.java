package io.salesdesk.territory.surge;

import java.text.MessageFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Surge alerts in words, from the bundle {@code io.salesdesk.territory.surge} (Chinese and
 * English), e.g. "临时抽调华南 2 名负荷最低的销售：李娜 (0.31)、王强 (0.35)，并开放其华东公海访问 7 天".
 */
public final class SurgeWording {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final UnaryOperator<String> provinceNames;

    /**
     * @param provinceNames names a province code (310000 → 上海市)
     */
    public SurgeWording(Locale locale, UnaryOperator<String> provinceNames) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.salesdesk.territory.surge", locale);
        this.provinceNames = provinceNames;
    }

    /** The name of a macro-region (华东 / East China). */
    public String macroName(MacroRegion macro) {
        return bundle.getString("macro." + macro.name());
    }

    /** A surge key in words: a macro-region's name or the province's. */
    public String keyName(String key) {
        return MacroRegion.byKey(key).map(this::macroName).orElseGet(() -> provinceNames.apply(key));
    }

    /** "华东询盘激增：近 7 天 84 条，是平时（21.0 条）的 4.0 倍". */
    public String headline(String key, WindowMode mode, int days, int recent, double baseline, Double ratio) {
        String window = mode == WindowMode.SAME_WEEKDAY ? say("window.today") : say("window.days", days);
        if (ratio == null) {
            return say("headline.new", keyName(key), window, recent);
        }
        return say("headline", keyName(key), window, recent, String.format(Locale.ROOT, "%.1f", baseline),
                String.format(Locale.ROOT, "%.1f", ratio));
    }

    /** The suggestion in one sentence; says so when no rep can be lent. */
    public String suggestion(String key, LendSuggestion s) {
        if (s.reps().isEmpty()) {
            return say("suggestion.none", keyName(key));
        }
        Set<String> from = new LinkedHashSet<>();
        s.reps().forEach(r -> from.add(macroName(r.macroRegion())));
        String listSeparator = say("list.separator");
        List<String> reps = s.reps().stream()
                .map(r -> r.name() + " (" + String.format(Locale.ROOT, "%.2f", r.loadIndex()) + ")").toList();
        return say("suggestion", String.join(listSeparator, from), s.reps().size(), String.join(listSeparator, reps),
                keyName(key), s.grantDays());
    }

    /** Title of the message to a lent rep. */
    public String lentTitle(String key) {
        return say("lent.title", keyName(key));
    }

    /** Body of the message to a lent rep. */
    public String lentBody(String key, int days, String until, String by) {
        return say("lent.body", keyName(key), days, until, by);
    }

    /** Title of the message to a rep whose grant was revoked; {@code region} in words. */
    public String revokedTitle(String region) {
        return say("revoked.title", region);
    }

    /** Body of the message to a rep whose grant was revoked. */
    public String revokedBody(String region, String by) {
        return say("revoked.body", region, by);
    }

    /** The reason written on each pool access grant. */
    public String grantReason(String key) {
        return say("grant.reason", keyName(key));
    }

    private String say(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
