package io.salesdesk.insight.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A record behind a figure (drill-down): the contract, lead, deal, activity, user or customer, with
 * the value it adds to the figure.
 *
 * @param source     what kind of record
 * @param id         its id
 * @param customerId the customer it belongs to, when it has one (to open it)
 * @param title      contract number and title, lead name, deal name, activity customer, user name …
 * @param ownerName  the rep who owns it
 * @param day        its business date (signed on, created on, won on, occurred on, left on)
 * @param value      what it contributes: amount, minutes, days, or 1 for a counted record
 * @param detail     a short extra (kind of activity, stage, contract status)
 */
public record KpiRecord(Source source, UUID id, UUID customerId, String title, String ownerName, LocalDate day,
                        BigDecimal value, String detail) {

    /** The table a drill-down row comes from. */
    public enum Source {
        CONTRACT, LEAD, OPPORTUNITY, ACTIVITY, USER, CUSTOMER
    }
}
