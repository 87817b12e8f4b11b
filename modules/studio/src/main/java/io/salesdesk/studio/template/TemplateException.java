package io.salesdesk.studio.template;

import io.salesdesk.core.SalesDeskException;

/** A template that cannot be read, installed or removed, with the reason as a message key and its arguments. */
public final class TemplateException extends SalesDeskException {

    public TemplateException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public TemplateException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }
}
