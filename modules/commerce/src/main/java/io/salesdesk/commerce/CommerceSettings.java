package io.salesdesk.commerce;

import io.salesdesk.db.WorkspaceSettings;
import java.math.BigDecimal;
import org.jooq.Configuration;

/**
 * The commerce module's workspace settings: how long a shortage freezes same-category orders
 * ({@value #FREEZE_HOURS}, default 72 hours) and the quote discount above which a manager must
 * approve ({@value #DISCOUNT_APPROVAL_PCT}, default 15 %). An unreadable value counts as the default.
 */
public final class CommerceSettings {

    public static final String FREEZE_HOURS = "commerce.freezeHours";
    public static final String DISCOUNT_APPROVAL_PCT = "commerce.quoteDiscountApprovalPct";
    public static final int DEFAULT_FREEZE_HOURS = 72;
    public static final BigDecimal DEFAULT_DISCOUNT_APPROVAL_PCT = new BigDecimal("15");

    private CommerceSettings() {
    }

    /** Hours a shortage holds same-category orders of the customer, in the caller's transaction. */
    public static int freezeHours(Configuration cfg) {
        String v = WorkspaceSettings.using(cfg).get(FREEZE_HOURS).orElse(null);
        try {
            return v == null ? DEFAULT_FREEZE_HOURS : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_FREEZE_HOURS;
        }
    }

    /** The discount in percent above which a quote needs approval, in the caller's transaction. */
    public static BigDecimal discountApprovalPct(Configuration cfg) {
        String v = WorkspaceSettings.using(cfg).get(DISCOUNT_APPROVAL_PCT).orElse(null);
        try {
            return v == null ? DEFAULT_DISCOUNT_APPROVAL_PCT : new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            return DEFAULT_DISCOUNT_APPROVAL_PCT;
        }
    }

    public static void put(Configuration cfg, String key, String value) {
        WorkspaceSettings.using(cfg).put(key, value);
    }
}
