package io.salesdesk.crm;

import java.util.UUID;

/**
 * A person at a customer.
 *
 * @param id         id
 * @param customerId the customer
 * @param name       name
 * @param title      job title, e.g. 设备科科长
 * @param mobile     mobile, normalised
 * @param phone      desk phone, normalised
 * @param email      e-mail
 * @param wechat     WeChat id
 * @param primary    the customer's main contact
 * @param notes      free notes
 * @param version    optimistic-lock version
 */
public record Contact(UUID id, UUID customerId, String name, String title, String mobile, String phone, String email,
                      String wechat, boolean primary, String notes, long version) {

    public ContactDraft toDraft() {
        return new ContactDraft(name, title, mobile, phone, email, wechat, primary, notes);
    }
}
