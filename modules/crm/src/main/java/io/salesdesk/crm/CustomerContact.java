package io.salesdesk.crm;

/**
 * A contact with the name of its customer, as the contact list and its export show it.
 *
 * @param contact      the contact
 * @param customerName its customer's name
 */
public record CustomerContact(Contact contact, String customerName) {
}
