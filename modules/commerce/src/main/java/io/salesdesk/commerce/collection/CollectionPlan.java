package io.salesdesk.commerce.collection;

import io.salesdesk.commerce.contract.PaymentTerm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a contract amount over its payment terms so that the parts add up to the amount exactly:
 * each part but the last is its share rounded half-up to the fen, the last takes what is left
 * (100.00 at 33.33/33.33/33.34 % gives 33.33, 33.33 and 33.34).
 */
public final class CollectionPlan {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CollectionPlan() {
    }

    /**
     * The amount of each term, in the terms' order.
     *
     * @return the parts; a part may be zero or negative only if the amount is too small to split,
     *         which {@link #splits(BigDecimal, List)} tells
     */
    public static List<BigDecimal> split(BigDecimal amount, List<PaymentTerm> terms) {
        BigDecimal total = amount.setScale(2, RoundingMode.UNNECESSARY);
        List<BigDecimal> parts = new ArrayList<>(terms.size());
        BigDecimal given = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < terms.size() - 1; i++) {
            BigDecimal part = total.multiply(terms.get(i).sharePct()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            parts.add(part);
            given = given.add(part);
        }
        parts.add(total.subtract(given));
        return parts;
    }

    /** Whether every part of the split is more than zero (a 0.02 contract cannot be paid in three). */
    public static boolean splits(BigDecimal amount, List<PaymentTerm> terms) {
        return split(amount, terms).stream().allMatch(p -> p.signum() > 0);
    }
}
