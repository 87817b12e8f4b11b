package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.CreditCode;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.model.CustomerReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the customer a contact or follow-up row belongs to: by the hidden customer id of an export,
 * else by credit code (its own column, or typed into 客户名称), else by normalised name. A customer
 * the importing person may not see is not theirs to add to. Lookups are a few bulk queries.
 */
final class CustomerFinder {

    /** No live customer has this name or code; argument 1 is the text. */
    static final String UNKNOWN = "ledger.import.unknownCustomer";
    /** The customer exists but belongs to someone the importer may not see; argument 1 is the text. */
    static final String NOT_VISIBLE = "ledger.import.customerNotVisible";
    /** Several customers the importer sees share this name; argument 1 is the name. */
    static final String AMBIGUOUS = "ledger.import.ambiguousCustomer";

    private final Map<UUID, Customer> byId = new HashMap<>();
    private final Map<String, List<Customer>> byCredit = new HashMap<>();
    private final Map<String, List<Customer>> byName = new HashMap<>();
    private final Set<UUID> visible;

    private CustomerFinder(List<Customer> found, Set<UUID> visible) {
        for (Customer c : found) {
            byId.put(c.id(), c);
        }
        for (Customer c : byId.values()) {
            if (c.creditCode() != null) {
                byCredit.computeIfAbsent(c.creditCode(), k -> new ArrayList<>()).add(c);
            }
            byName.computeIfAbsent(CompanyName.normalise(c.name()), k -> new ArrayList<>()).add(c);
        }
        this.visible = visible;
    }

    /** Loads the customers the rows name, in the caller's transaction. */
    static CustomerFinder load(CustomerRepository customers, Actor actor, List<ImportRow> rows) {
        List<UUID> ids = new ArrayList<>();
        List<String> credits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ImportRow row : rows) {
            String idText = RowCells.text(row, CustomerReference.ID);
            if (idText != null) {
                try {
                    ids.add(UUID.fromString(idText));
                } catch (IllegalArgumentException e) {
                    // Reported on its cell by the row reader.
                }
            }
            String credit = RowCells.text(row, CustomerReference.CREDIT_CODE);
            if (credit != null) {
                credits.add(credit);
            }
            String name = RowCells.text(row, CustomerReference.NAME);
            if (name != null) {
                String asCode = creditCode(name);
                if (asCode != null) {
                    credits.add(asCode);
                }
                names.add(CompanyName.normalise(name));
            }
        }
        List<Customer> found = new ArrayList<>(customers.findLiveByIds(ids));
        found.addAll(customers.findLiveByCreditCodes(credits));
        found.addAll(customers.findLiveByNormalizedNames(names));
        return new CustomerFinder(found, customers.visibleAmong(actor, found.stream().map(Customer::id).toList()));
    }

    /**
     * The customer of a row, or the problem on the cell that named it.
     *
     * @param id     the hidden customer id, may be null
     * @param credit the credit code column, may be null
     * @param name   the customer name column, may be null
     */
    Match find(UUID id, String credit, String name) {
        if (id != null) {
            Customer customer = byId.get(id);
            // A customer deleted since export: fall back on the name, as a new row would.
            if (customer != null) {
                return seen(customer, CustomerReference.ID, id.toString());
            }
        }
        String code = credit != null ? credit : creditCode(name);
        if (code != null) {
            List<Customer> withCode = byCredit.getOrDefault(code, List.of());
            if (!withCode.isEmpty()) {
                return pick(withCode, credit != null ? CustomerReference.CREDIT_CODE : CustomerReference.NAME, code);
            }
            if (credit != null && name == null) {
                return new Match(null, UNKNOWN, CustomerReference.CREDIT_CODE, credit);
            }
        }
        if (name == null) {
            return new Match(null, UNKNOWN, CustomerReference.NAME, "");
        }
        List<Customer> named = byName.getOrDefault(CompanyName.normalise(name), List.of());
        if (named.isEmpty()) {
            return new Match(null, UNKNOWN, CustomerReference.NAME, name);
        }
        return pick(named, CustomerReference.NAME, name);
    }

    // Among customers sharing a name or code, the one the importer sees; two they see is ambiguous.
    private Match pick(List<Customer> candidates, String field, String text) {
        List<Customer> seen = candidates.stream().filter(c -> visible.contains(c.id())).distinct().toList();
        if (seen.size() == 1) {
            return new Match(seen.get(0), null, field, text);
        }
        return new Match(null, seen.isEmpty() ? NOT_VISIBLE : AMBIGUOUS, field, text);
    }

    private Match seen(Customer customer, String field, String text) {
        return visible.contains(customer.id()) ? new Match(customer, null, field, text)
                : new Match(null, NOT_VISIBLE, field, customer.name());
    }

    private static String creditCode(String text) {
        if (text == null) {
            return null;
        }
        String code = CreditCode.normalise(text);
        return CreditCode.problemOf(code) == CreditCode.Problem.NONE ? code : null;
    }

    /**
     * The outcome of a lookup.
     *
     * @param customer   the customer, or {@code null}
     * @param problemKey why none was found, or {@code null}
     * @param field      the column that named the customer, for the problem
     * @param text       what that column said
     */
    record Match(Customer customer, String problemKey, String field, String text) {
    }
}
