package io.salesdesk.insight.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The daily report's words in one language (report_zh_CN / report_en bundles of this package). */
public final class ReportTexts {

    private final Locale locale;
    private final ResourceBundle bundle;

    public ReportTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.salesdesk.insight.report.report", locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** "no data: reason" for an empty section. */
    public String noData(String reasonKey, Object... arguments) {
        return get("noData", get(reasonKey, arguments));
    }
}
