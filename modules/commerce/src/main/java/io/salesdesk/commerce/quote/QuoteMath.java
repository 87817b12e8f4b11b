package io.salesdesk.commerce.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of quotes, in {@link BigDecimal} only (no double anywhere, so 0.1 + 0.2 is 0.3).
 * Rounding happens once, at line level: each line amount is rounded HALF_UP to 2 places (fen), and
 * totals are exact sums of the rounded line amounts, so the lines a customer reads add up to the
 * total they read. Discount percentages are kept to 2 places.
 */
public final class QuoteMath {

    static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int MONEY = 2;

    private QuoteMath() {
    }

    /** quantity × unit price, HALF_UP to fen. */
    public static BigDecimal listAmount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(MONEY, RoundingMode.HALF_UP);
    }

    /** quantity × unit price × (100 − discount) / 100, HALF_UP to fen (exact until that one rounding). */
    public static BigDecimal netAmount(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPct) {
        BigDecimal gross = quantity.multiply(unitPrice).multiply(HUNDRED.subtract(discountPct));
        return gross.divide(HUNDRED, MONEY, RoundingMode.HALF_UP);
    }

    /** quantity × unit cost, HALF_UP to fen. */
    public static BigDecimal costAmount(BigDecimal quantity, BigDecimal unitCost) {
        return listAmount(quantity, unitCost);
    }

    /** The exact sum of amounts. */
    public static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(MONEY), BigDecimal::add);
    }

    public static BigDecimal margin(BigDecimal net, BigDecimal cost) {
        return net.subtract(cost);
    }

    /** (net − cost) / net × 100, HALF_UP to 2 places; null when net is zero. */
    public static BigDecimal marginPct(BigDecimal net, BigDecimal cost) {
        if (net.signum() == 0) {
            return null;
        }
        return net.subtract(cost).multiply(HUNDRED).divide(net, 2, RoundingMode.HALF_UP);
    }

    /**
     * The discount of a line off the product's list price in percent (a unit price below list counts
     * too), HALF_UP to 2 places, never below zero; zero for a product listed at zero.
     */
    public static BigDecimal discountOffList(BigDecimal unitPrice, BigDecimal discountPct, BigDecimal listPrice) {
        if (listPrice.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal paidPer100 = unitPrice.multiply(HUNDRED.subtract(discountPct));
        BigDecimal off = HUNDRED.subtract(paidPer100.divide(listPrice, 6, RoundingMode.HALF_UP));
        return off.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The discount of the whole quote off list in percent: 100 × (1 − net ÷ list), HALF_UP to 2
     * places, never below zero; zero for a quote listed at zero.
     *
     * @param atList what the lines would cost at the products' list prices
     * @param net    what the customer pays
     */
    public static BigDecimal overallDiscountPct(BigDecimal atList, BigDecimal net) {
        if (atList.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal off = HUNDRED.subtract(net.multiply(HUNDRED).divide(atList, 6, RoundingMode.HALF_UP));
        return off.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }
}
