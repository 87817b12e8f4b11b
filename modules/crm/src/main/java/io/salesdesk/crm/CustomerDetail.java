package io.salesdesk.crm;

import java.util.List;

/**
 * Everything the detail pane shows when a customer is opened.
 *
 * @param customer   the customer
 * @param contacts   its contacts, primary first
 * @param timeline   its follow-ups, newest first (at most {@link CustomerService#TIMELINE_LIMIT})
 * @param activityCount how many follow-ups it has in all
 */
public record CustomerDetail(Customer customer, List<Contact> contacts, List<Activity> timeline, int activityCount) {
}
