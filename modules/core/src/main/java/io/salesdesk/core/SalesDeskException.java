package io.salesdesk.core;

import java.util.Arrays;

/**
 * An error a user can act on. It carries a message key from the UI bundles and its arguments, so
 * the window and the command line can say what happened in the user's language.
 */
public class SalesDeskException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public SalesDeskException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public SalesDeskException(Throwable cause, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments), cause);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
