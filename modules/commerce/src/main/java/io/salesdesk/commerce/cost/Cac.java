package io.salesdesk.commerce.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Customer acquisition cost of a group of newly won customers (a period, a channel), as
 * {@link CostService} defines it.
 *
 * @param group         the channel, or null for a period or the whole range
 * @param from          first day of the period
 * @param to            last day of the period
 * @param customersWon  customers won in the period (in the channel: who had acquisition cost there)
 * @param total         acquisition and pre-sales cost of those customers
 * @param measured      the measured part of {@code total}
 * @param allocated     the allocated part of {@code total}
 */
public record Cac(String group, LocalDate from, LocalDate to, int customersWon, BigDecimal total, BigDecimal measured,
                  BigDecimal allocated) {

    /** The CAC: total ÷ customers won, to the fen (half up); zero when nobody was won. */
    public BigDecimal perCustomer() {
        return customersWon == 0 ? BigDecimal.ZERO.setScale(2)
                : total.divide(BigDecimal.valueOf(customersWon), 2, RoundingMode.HALF_UP);
    }

    /** The measured share of the cost, 0 to 1 with four decimals; zero when there is no cost. */
    public BigDecimal measuredShare() {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : measured.divide(total, 4, RoundingMode.HALF_UP);
    }
}
