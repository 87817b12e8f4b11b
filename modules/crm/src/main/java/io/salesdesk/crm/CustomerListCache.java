package io.salesdesk.crm;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every live customer's list row in memory, for the embedded database.
 *
 * <p>On the embedded database this process is the only writer (the data folder is locked), so a
 * copy kept up to date by {@link CustomerService}'s own writes is exact. Filtering, searching and
 * sorting 100,000 rows in memory takes milliseconds, where HSQLDB needs a full table scan of its
 * disk-backed table for every count and every search keystroke. Shared databases do not use it:
 * other clients write there, and PostgreSQL answers these queries from its indexes.
 *
 * <p>Names sort in Chinese collation order (pinyin for common characters), as users expect.
 */
final class CustomerListCache {

    private static final Supplier<CustomMatch> NO_CUSTOM_FIELDS = () -> {
        throw new IllegalStateException("A query on custom fields needs their values");
    };

    private final Map<UUID, Row> rows = new HashMap<>();
    /** All rows in name order, rebuilt lazily after a change, so a list sorted by name needs no sort. */
    private List<Row> byName;
    private final Collator collator = Collator.getInstance(Locale.CHINA);
    /** The last query's matching rows in order: paging through a list asks the same query again and again. */
    private Result lastResult;

    /** Replaces the whole content, e.g. after loading or after a bulk import. */
    synchronized void replaceAll(Collection<Customer> customers) {
        rows.clear();
        for (Customer c : customers) {
            rows.put(c.id(), new Row(c, collator));
        }
        byName = null;
        lastResult = null;
    }

    /** Puts one customer's current row in (or takes it out when {@code customer} is null). */
    synchronized void put(UUID id, Customer customer) {
        if (customer == null) {
            rows.remove(id);
        } else {
            rows.put(id, new Row(customer, collator));
        }
        byName = null;
        lastResult = null;
    }

    /** Every row, for saving a snapshot. */
    synchronized List<Customer> all() {
        return rows.values().stream().map(r -> r.customer).toList();
    }

    synchronized int count(Set<UUID> visibleOwners, CustomerQuery query) {
        return count(visibleOwners, query, NO_CUSTOM_FIELDS);
    }

    /**
     * Counts afresh when the query uses custom fields: their values are written past this cache, and
     * a list counts before it reads its pages, so the pages that follow reuse what the count read.
     *
     * @param custom reads the query's custom-field filters and sort from the database
     */
    synchronized int count(Set<UUID> visibleOwners, CustomerQuery query, Supplier<CustomMatch> custom) {
        if (query.usesCustomFields()) {
            lastResult = null;
        }
        return result(visibleOwners, query, custom).rows.size();
    }

    synchronized List<Customer> page(Set<UUID> visibleOwners, CustomerQuery query, int offset, int limit) {
        return page(visibleOwners, query, offset, limit, NO_CUSTOM_FIELDS);
    }

    synchronized List<Customer> page(Set<UUID> visibleOwners, CustomerQuery query, int offset, int limit,
                                     Supplier<CustomMatch> custom) {
        List<Row> matching = result(visibleOwners, query, custom).rows;
        List<Customer> page = new ArrayList<>(Math.max(0, Math.min(limit, matching.size() - offset)));
        for (int i = offset; i < matching.size() && i < offset + limit; i++) {
            page.add(matching.get(i).customer);
        }
        return page;
    }

    /** Customers due for follow-up on or before {@code day}, oldest due first, then by name. */
    synchronized List<Customer> dueBy(Set<UUID> visibleOwners, LocalDate day, int limit) {
        return rows.values().stream()
                .filter(r -> visible(r, visibleOwners))
                .filter(r -> r.customer.nextFollowUpOn() != null && !r.customer.nextFollowUpOn().isAfter(day))
                .sorted(Comparator.comparing((Row r) -> r.customer.nextFollowUpOn()).thenComparing(r -> r.nameKey))
                .limit(limit)
                .map(r -> r.customer)
                .toList();
    }

    private Result result(Set<UUID> visibleOwners, CustomerQuery query, Supplier<CustomMatch> custom) {
        if (lastResult != null && lastResult.query.equals(query) && Objects.equals(lastResult.owners, visibleOwners)) {
            return lastResult;
        }
        CustomMatch match = query.usesCustomFields() ? custom.get() : null;
        Predicate<Row> filter = filter(visibleOwners, query);
        if (match != null) {
            filter = filter.and(row -> match.admits(row.customer.id()));
        }
        List<Row> matching = new ArrayList<>();
        for (Row row : rowsByName()) {
            if (filter.test(row)) {
                matching.add(row);
            }
        }
        if (query.customSort() != null) {
            match.sort(matching, row -> row.customer.id(), query.ascending());
        } else if (query.sort() != CustomerQuery.Sort.NAME) {
            matching.sort(order(query));
        } else if (!query.ascending()) {
            java.util.Collections.reverse(matching);
        }
        lastResult = new Result(query, visibleOwners, matching);
        return lastResult;
    }

    private List<Row> rowsByName() {
        if (byName == null) {
            byName = new ArrayList<>(rows.values());
            byName.sort(Comparator.comparing((Row r) -> r.nameKey).thenComparing(r -> r.customer.id()));
        }
        return byName;
    }

    private static Predicate<Row> filter(Set<UUID> visibleOwners, CustomerQuery q) {
        String text = q.text() == null ? "" : q.text().strip().toLowerCase(Locale.ROOT);
        return row -> visible(row, visibleOwners)
                && (text.isEmpty() || row.searchText.contains(text))
                && (q.tier() == null || row.customer.tier() == q.tier())
                && (q.regionPrefix() == null || q.regionPrefix().isBlank()
                    || (row.customer.regionCode() != null && row.customer.regionCode().startsWith(q.regionPrefix())))
                && (q.ownerId() == null || q.ownerId().equals(row.customer.ownerId()));
    }

    private static boolean visible(Row row, Set<UUID> visibleOwners) {
        // A pool customer has no owner: hidden from a scoped viewer, as in SQL (owner_id IN (…)),
        // and never looked up, since immutable sets refuse contains(null).
        return visibleOwners == null
                || (row.customer.ownerId() != null && visibleOwners.contains(row.customer.ownerId()));
    }

    /** The same orders as the SQL path, nulls placed the same way, the id breaking ties. */
    private static Comparator<Row> order(CustomerQuery q) {
        Comparator<Row> byName = Comparator.comparing(r -> r.nameKey);
        Comparator<Row> primary = switch (q.sort()) {
            case NAME -> byName;
            case TIER -> Comparator.comparing(r -> r.customer.tier());
            case REGION -> nullsLast(r -> r.customer.regionCode(), q.ascending());
            case OWNER -> nullsLast(r -> r.customer.ownerName(), q.ascending());
            // Never followed up counts as oldest: first ascending, last descending (reversed below).
            case LAST_FOLLOW_UP -> Comparator.comparing((Row r) -> r.customer.lastFollowUpAt(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case NEXT_FOLLOW_UP -> nullsLast(r -> r.customer.nextFollowUpOn(), q.ascending());
            case UPDATED -> Comparator.comparing(r -> r.customer.updatedAt());
        };
        if (!q.ascending() && q.sort() != CustomerQuery.Sort.REGION && q.sort() != CustomerQuery.Sort.OWNER
                && q.sort() != CustomerQuery.Sort.NEXT_FOLLOW_UP) {
            primary = primary.reversed();
        }
        return primary.thenComparing(r -> r.customer.id());
    }

    /** Ascending or descending on the key, with nulls last either way. */
    private static <K extends Comparable<K>> Comparator<Row> nullsLast(java.util.function.Function<Row, K> key,
                                                                       boolean ascending) {
        Comparator<K> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }

    /** A customer with what filtering and sorting need precomputed once. */
    private static final class Row {
        private final Customer customer;
        private final String searchText;
        private final java.text.CollationKey nameKey;

        Row(Customer customer, Collator collator) {
            this.customer = customer;
            this.searchText = CustomerRepository.searchText(customer.name(), customer.phone(), customer.creditCode());
            this.nameKey = collator.getCollationKey(customer.name());
        }
    }

    private record Result(CustomerQuery query, Set<UUID> owners, List<Row> rows) {
    }
}
