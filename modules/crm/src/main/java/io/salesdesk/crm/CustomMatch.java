package io.salesdesk.crm;

import io.salesdesk.db.custom.CustomValueConditions;
import io.salesdesk.db.custom.CustomValueFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A query's custom-field filters and sort, read from {@code custom_value} once, for the in-memory
 * customer list of the embedded database: the ids each filter admits (or excludes) and the values to
 * sort by. The sub-queries are the SQL path's, so both paths select the same customers.
 */
final class CustomMatch {

    /** For one filter: the ids it names, and whether it names those it excludes. */
    private record IdSet(Set<UUID> ids, boolean excluded) {
    }

    private final List<IdSet> filters;
    private final Map<UUID, Comparable<?>> sortValues;

    private CustomMatch(List<IdSet> filters, Map<UUID, Comparable<?>> sortValues) {
        this.filters = filters;
        this.sortValues = sortValues;
    }

    /**
     * @param earlier what earlier calls read, by filter or sort, valid while no row changed (the
     *                caller empties it when the audit head moves); reads are added to it
     */
    @SuppressWarnings("unchecked")
    static CustomMatch read(DSLContext dsl, CustomerQuery query, Map<Object, Object> earlier) {
        List<IdSet> filters = new ArrayList<>();
        for (CustomValueFilter f : query.customFilters()) {
            filters.add((IdSet) earlier.computeIfAbsent(f, k -> new IdSet(CustomValueConditions.matchingIds(dsl, f),
                    CustomValueConditions.negated(f))));
        }
        Map<UUID, Comparable<?>> values = query.customSort() == null ? null
                : (Map<UUID, Comparable<?>>) earlier.computeIfAbsent(query.customSort(),
                        k -> CustomValueConditions.sortValues(dsl, query.customSort()));
        return new CustomMatch(filters, values);
    }

    boolean admits(UUID id) {
        for (IdSet f : filters) {
            if (f.ids().contains(id) == f.excluded()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sorts rows by the custom sort's values, then by id, as the SQL path orders: rows without a value
     * last in either direction. Each row's value is looked up once, not at every comparison.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <R> void sort(List<R> rows, java.util.function.Function<R, UUID> idOf, boolean ascending) {
        record Keyed<R>(Comparable key, UUID id, R row) {
        }
        List<Keyed<R>> keyed = new ArrayList<>(rows.size());
        for (R row : rows) {
            UUID id = idOf.apply(row);
            keyed.add(new Keyed<>((Comparable) sortValues.get(id), id, row));
        }
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        keyed.sort(Comparator.comparing((Keyed<R> k) -> k.key(), Comparator.nullsLast(natural))
                .thenComparing(Keyed::id));
        rows.clear();
        keyed.forEach(k -> rows.add(k.row()));
    }
}
