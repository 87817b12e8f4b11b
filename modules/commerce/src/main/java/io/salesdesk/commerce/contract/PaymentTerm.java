package io.salesdesk.commerce.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * One payment term of a contract (付款条件): a share of the amount, due a number of days after a
 * milestone, e.g. 30 % within 15 days of signing.
 *
 * @param milestone the event that makes it due
 * @param sharePct  the share of the contract amount in percent, at most two decimals
 * @param dueDays   days after the milestone by which it is to be paid
 */
public record PaymentTerm(Milestone milestone, BigDecimal sharePct, int dueDays) {

    /** The usual terms: 30 % on signing, 60 % on delivery, 10 % after acceptance, each within 30 days. */
    public static List<PaymentTerm> defaults() {
        return List.of(new PaymentTerm(Milestone.SIGNING, new BigDecimal("30.00"), 30),
                new PaymentTerm(Milestone.DELIVERY, new BigDecimal("60.00"), 30),
                new PaymentTerm(Milestone.ACCEPTANCE, new BigDecimal("10.00"), 30));
    }
}
