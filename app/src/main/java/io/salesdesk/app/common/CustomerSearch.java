package io.salesdesk.app.common;

import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import io.salesdesk.app.AppContext;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;

/**
 * Turns a combo box into a customer search: typing lists the customers the user sees whose name,
 * phone or credit code matches — a workspace has too many customers to list them all.
 */
public final class CustomerSearch {

    /** How many matches the list shows. */
    static final int MATCHES = 30;

    private CustomerSearch() {
    }

    public static void attach(ComboBox<Customer> customer, AppContext context, String prompt) {
        customer.setEditable(true);
        customer.setPromptText(prompt);
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Customer fromString(String text) {
                return customer.getItems().stream().filter(c -> c.name().equals(text)).findFirst().orElse(null);
            }
        });
        customer.getEditor().textProperty().addListener((obs, old, text) -> {
            if (customer.getValue() != null && customer.getValue().name().equals(text)) {
                return;
            }
            var actor = context.currentUser().asActor();
            String query = text == null ? "" : text.strip();
            BackgroundTask.wrap(() -> context.customers().page(actor, CustomerQuery.all().withText(query), 0, MATCHES))
                    .onSuccess(found -> {
                        // Only the answer to what is typed now: an earlier, slower search is dropped.
                        if (query.equals(customer.getEditor().getText() == null ? ""
                                : customer.getEditor().getText().strip())) {
                            customer.getItems().setAll(found);
                            if (!found.isEmpty() && customer.isFocused()) {
                                // A list opened while empty keeps its one-row height when items arrive
                                // (the skin sizes the popup only as it opens): open it again to fit.
                                if (customer.isShowing()) {
                                    customer.hide();
                                }
                                customer.show();
                            }
                        }
                    })
                    .executeWith(context.executor());
        });
    }
}
