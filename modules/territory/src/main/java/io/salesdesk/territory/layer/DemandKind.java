package io.salesdesk.territory.layer;

import java.util.Locale;

/** What the heat layer counts. */
public enum DemandKind {
    /** Every lead created in the period. */
    LEADS,
    /**
     * Leads that came in by themselves (询盘): a web form, a call, a message; not trade shows,
     * referrals, tenders or imports.
     */
    INQUIRIES,
    /** Follow-ups logged with customers in the period. */
    ACTIVITIES;

    private static final String[] INBOUND = {"官网", "网站", "表单", "电话", "400", "留言", "咨询", "询", "web", "phone",
        "call", "form", "inquiry", "enquiry"};

    /** Whether a lead's source names an inbound channel. */
    public static boolean isInquiry(String source) {
        if (source == null) {
            return false;
        }
        String s = source.toLowerCase(Locale.ROOT);
        for (String word : INBOUND) {
            if (s.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
