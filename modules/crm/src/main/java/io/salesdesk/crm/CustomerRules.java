package io.salesdesk.crm;

import java.util.function.Predicate;

/**
 * The customer and contact validation rules of the Customers form, for writers outside {@link CustomerService}
 * such as the ledger import, so a row imported from Excel is held to the same rules as one typed in.
 */
public final class CustomerRules {

    private CustomerRules() {
    }

    /**
     * Checks and normalises a customer draft.
     *
     * @param draft        the draft as read
     * @param regionExists tells whether a region code is known
     * @return the draft with name trimmed and credit code and phone in canonical form
     * @throws io.salesdesk.core.ValidationException listing each refused field
     */
    public static CustomerDraft validate(CustomerDraft draft, Predicate<String> regionExists) {
        return CustomerValidator.customer(draft, regionExists);
    }

    /**
     * Checks and normalises a contact draft as the contact form does.
     *
     * @param draft the draft as read
     * @return the draft with name trimmed, phones in canonical form and e-mail domain in lower case
     * @throws io.salesdesk.core.ValidationException listing each refused field
     */
    public static ContactDraft validateContact(ContactDraft draft) {
        return CustomerValidator.contact(draft);
    }
}
