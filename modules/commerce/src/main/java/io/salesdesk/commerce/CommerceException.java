package io.salesdesk.commerce;

import io.salesdesk.core.SalesDeskException;
import java.util.Locale;

/**
 * A refusal of the commerce module a user can act on ("库存不足…", "该客户的监护仪订单冻结至…"):
 * its key is in {@link CommerceMessages}; {@link #getMessage()} says it in Chinese and English so
 * a log or the command line is readable either way, and {@link #message(Locale)} in one language.
 */
public class CommerceException extends SalesDeskException {

    public CommerceException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** What happened and what to do, in the locale's language. */
    public String message(Locale locale) {
        return CommerceMessages.text(locale, messageKey(), arguments());
    }

    @Override
    public String getMessage() {
        return message(Locale.SIMPLIFIED_CHINESE) + " / " + message(Locale.ENGLISH);
    }
}
