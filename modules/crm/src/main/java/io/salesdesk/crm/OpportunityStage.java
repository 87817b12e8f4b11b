package io.salesdesk.crm;

import java.util.Locale;

/**
 * A stage of the sales pipeline, read from {@code opportunity_stage}: its place in the funnel, the
 * probability a deal gets on entering it, whether it closes the deal, and what a deal must have to
 * enter it.
 *
 * @param code              stable code, e.g. {@code QUOTE}
 * @param nameZh            Chinese name, e.g. 报价
 * @param nameEn            English name
 * @param order             position in the funnel, from 1
 * @param probability       default win probability in percent
 * @param outcome           open, or which way it closes the deal
 * @param requiresAmount    a deal needs an amount to enter
 * @param requiresCloseDate a deal needs an expected close date to enter
 * @param colour            column colour, {@code #RRGGBB}
 */
public record OpportunityStage(String code, String nameZh, String nameEn, int order, int probability,
                               Outcome outcome, boolean requiresAmount, boolean requiresCloseDate, String colour) {

    /** Whether a stage keeps the deal open or closes it as won or lost. */
    public enum Outcome {
        OPEN, WON, LOST
    }

    /** The name in the user's language (Chinese unless the locale is another language). */
    public String name(Locale locale) {
        return locale.getLanguage().equals("en") ? nameEn : nameZh;
    }

    /** Whether entering this stage closes the deal, which then needs a reason. */
    public boolean closes() {
        return outcome != Outcome.OPEN;
    }
}
