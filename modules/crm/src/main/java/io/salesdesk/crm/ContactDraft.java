package io.salesdesk.crm;

/**
 * What a user types to add or edit a contact.
 *
 * @param name    name (required)
 * @param title   job title
 * @param mobile  mobile, checked when given
 * @param phone   desk phone, checked when given
 * @param email   e-mail
 * @param wechat  WeChat id
 * @param primary whether this is the main contact
 * @param notes   free notes
 */
public record ContactDraft(String name, String title, String mobile, String phone, String email, String wechat,
                           boolean primary, String notes) {
}
