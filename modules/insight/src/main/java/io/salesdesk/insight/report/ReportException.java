package io.salesdesk.insight.report;

import io.salesdesk.core.SalesDeskException;
import java.util.Locale;

/**
 * A daily-report failure a user can act on (no Chinese font, a file that cannot be written, an
 * unknown team): its key is in this package's report bundle, {@link #message(Locale)} says what to
 * do in the user's language, {@link #getMessage()} in Chinese and English for logs and the console.
 */
public class ReportException extends SalesDeskException {

    public ReportException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public ReportException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }

    public String message(Locale locale) {
        return new ReportTexts(locale).get(messageKey(), arguments());
    }

    @Override
    public String getMessage() {
        return message(Locale.SIMPLIFIED_CHINESE) + " / " + message(Locale.ENGLISH);
    }
}
