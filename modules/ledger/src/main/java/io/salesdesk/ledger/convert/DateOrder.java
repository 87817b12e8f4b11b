package io.salesdesk.ledger.convert;

/** How to read dates with the year last, such as "11/3/2025", which are ambiguous without a hint. */
public enum DateOrder {
    /** Only year-first dates are accepted (2025/11/3, 2025年11月3日); year-last ones are refused. */
    YEAR_FIRST,
    /** 11/3/2025 is 3 November (American exports). */
    MONTH_FIRST,
    /** 3/11/2025 is 3 November (European exports). */
    DAY_FIRST
}
