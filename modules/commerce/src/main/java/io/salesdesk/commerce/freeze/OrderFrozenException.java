package io.salesdesk.commerce.freeze;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.core.BusinessTime;
import java.time.format.DateTimeFormatter;

/**
 * An order (a quote created or sent) for a category the customer's orders are frozen in: the
 * message names the category, why it is frozen and until when (China time).
 */
public class OrderFrozenException extends CommerceException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient OrderFreeze freeze;

    public OrderFrozenException(OrderFreeze freeze) {
        super("freeze.orderRefused", freeze.category(),
                freeze.heldUntil().atZoneSameInstant(BusinessTime.ZONE).format(WHEN), freeze.reason());
        this.freeze = freeze;
    }

    /** The freeze that refused the order. */
    public OrderFreeze freeze() {
        return freeze;
    }
}
