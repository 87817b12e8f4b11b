package io.salesdesk.ledger.crm;

import io.salesdesk.core.CompanyName;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.imports.MatchKind;
import io.salesdesk.ledger.imports.RowMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds the duplicates of ledger rows: a row with the hidden id of an export is that customer; others
 * match an earlier row of the file first, then a customer in the database, by credit code, then
 * normalised name, then phone. Lookups are a few bulk queries, not one per row.
 */
final class CustomerDedupe {

    private final CustomerRepository customers;

    CustomerDedupe(CustomerRepository customers) {
        this.customers = customers;
    }

    void run(List<ImportRow> rows) {
        List<ImportRow> candidates = rows.stream().filter(r -> r.problems().isEmpty()).toList();
        Map<UUID, Customer> byId = index(customers.findLiveByIds(collect(candidates, p -> p.exportedId)), Customer::id);
        Map<String, Customer> byCredit = index(customers.findLiveByCreditCodes(collect(candidates, p -> p.given.creditCode())),
                Customer::creditCode);
        Map<String, Customer> byName = index(customers.findLiveByNormalizedNames(collect(candidates,
                p -> CompanyName.normalise(p.given.name()))), c -> CompanyName.normalise(c.name()));
        Map<String, Customer> byPhone = index(customers.findLiveByPhones(collect(candidates, p -> p.given.phone())),
                Customer::phone);
        Map<String, Integer> seenCredit = new HashMap<>();
        Map<String, Integer> seenName = new HashMap<>();
        Map<String, Integer> seenPhone = new HashMap<>();
        for (ImportRow row : candidates) {
            CustomerPlan plan = (CustomerPlan) row.plan();
            if (plan.exportedId != null) {
                matchById(row, plan, byId.get(plan.exportedId));
                continue;
            }
            String credit = plan.given.creditCode();
            String name = CompanyName.normalise(plan.given.name());
            String phone = plan.given.phone();
            RowMatch match = earlier(MatchKind.CREDIT_CODE, seenCredit, credit);
            if (match == null) {
                match = earlier(MatchKind.NAME, seenName, name);
            }
            if (match == null) {
                match = earlier(MatchKind.PHONE, seenPhone, phone);
            }
            if (match == null) {
                match = existing(plan, MatchKind.CREDIT_CODE, byCredit.get(credit));
            }
            if (match == null) {
                match = existing(plan, MatchKind.NAME, byName.get(name));
            }
            if (match == null) {
                match = existing(plan, MatchKind.PHONE, byPhone.get(phone));
            }
            row.matched(match);
            remember(seenCredit, credit, row);
            remember(seenName, name, row);
            remember(seenPhone, phone, row);
        }
    }

    // An exported row updates its own customer, unless someone changed or deleted it since export.
    private static void matchById(ImportRow row, CustomerPlan plan, Customer existing) {
        RowMatch match = existing == null ? null
                : RowMatch.existing(MatchKind.ID, existing.id(), existing.name(), existing.version());
        if (!ExportedRow.matchById(row, plan.exportedVersion, match)) {
            return;
        }
        plan.targetId = existing.id();
        plan.expectedVersion = existing.version();
        plan.updateDraft = CustomerPlan.cleared(CustomerPlan.overlay(existing.toDraft(), plan.given),
                plan.blankColumns);
        ExportedRow.skipIfUnchanged(row, plan.updateDraft, existing.toDraft());
    }

    private static RowMatch existing(CustomerPlan plan, MatchKind kind, Customer customer) {
        if (customer == null) {
            return null;
        }
        plan.targetId = customer.id();
        plan.expectedVersion = customer.version();
        plan.updateDraft = CustomerPlan.overlay(customer.toDraft(), CustomerPlan.givenFor(plan.given, kind));
        return RowMatch.existing(kind, customer.id(), customer.name(), customer.version());
    }

    private static RowMatch earlier(MatchKind kind, Map<String, Integer> seen, String key) {
        Integer rowNumber = key == null ? null : seen.get(key);
        return rowNumber == null ? null : RowMatch.earlierRow(kind, rowNumber);
    }

    private static void remember(Map<String, Integer> seen, String key, ImportRow row) {
        if (key != null && !key.isEmpty()) {
            seen.putIfAbsent(key, row.rowNumber());
        }
    }

    private static <T> List<T> collect(List<ImportRow> rows, Function<CustomerPlan, T> key) {
        List<T> keys = new ArrayList<>();
        for (ImportRow row : rows) {
            T value = key.apply((CustomerPlan) row.plan());
            if (value != null && !"".equals(value)) {
                keys.add(value);
            }
        }
        return keys;
    }

    private static <K> Map<K, Customer> index(List<Customer> found, Function<Customer, K> key) {
        Map<K, Customer> map = new HashMap<>();
        for (Customer customer : found) {
            K k = key.apply(customer);
            if (k != null) {
                // The oldest customer wins when several share a key: ids are time-ordered.
                map.merge(k, customer, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
        }
        return map;
    }
}
