package io.salesdesk.crm;

/**
 * A follow-up with the name of its customer, as the follow-up list and its export show it.
 *
 * @param activity     the follow-up
 * @param customerName its customer's name
 */
public record CustomerActivity(Activity activity, String customerName) {
}
