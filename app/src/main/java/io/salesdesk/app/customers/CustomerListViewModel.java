package io.salesdesk.app.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.PagedList;
import io.salesdesk.app.studio.CustomFieldFilterDialog;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerQuery;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.db.custom.CustomValueSort;
import io.salesdesk.crm.Region;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;

/**
 * The state of the customer list: search text, filters and sort, and the paged rows they select.
 * Every change of the query replaces {@link #itemsProperty()} with a new {@link PagedList}.
 */
public final class CustomerListViewModel {

    private final CustomerService customers;
    private final Supplier<Actor> viewer;
    private final Executor executor;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier");
    private final ObjectProperty<Region> province = new SimpleObjectProperty<>(this, "province");
    private final ObjectProperty<Region> city = new SimpleObjectProperty<>(this, "city");
    private final ObjectProperty<User> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObjectProperty<CustomerQuery.Sort> sort =
            new SimpleObjectProperty<>(this, "sort", CustomerQuery.Sort.NAME);
    /** A custom field the list is sorted by instead of {@link #sort}, or null. */
    private final ObjectProperty<CustomValueSort> customSort = new SimpleObjectProperty<>(this, "customSort");
    /** Filters on custom fields, each with the words its chip shows. */
    private final ObservableList<CustomFieldFilterDialog.Chosen> customFilters = FXCollections.observableArrayList();
    /** Whether pages read their customers' custom values (a custom-field column is shown). */
    private final BooleanProperty readsCustomValues = new SimpleBooleanProperty(this, "readsCustomValues");
    /** The custom values of the customers read so far, by customer and field key, for the columns. */
    private final Map<UUID, Map<String, String>> customValues = new ConcurrentHashMap<>();
    private Function<Collection<UUID>, Map<UUID, Map<String, String>>> customValueSource = ids -> Map.of();
    private final BooleanProperty ascending = new SimpleBooleanProperty(this, "ascending", true);
    private final ObjectProperty<ObservableList<Customer>> items =
            new SimpleObjectProperty<>(this, "items", FXCollections.observableArrayList());
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty needsLocation = new SimpleBooleanProperty(this, "needsLocation");
    /** The customers the map cannot place (待定位), for the needs-location filter. */
    private Function<Actor, Set<UUID>> unlocated = actor -> Set.of();
    private long generation;

    public CustomerListViewModel(CustomerService customers, Supplier<Actor> viewer, Executor executor) {
        this.customers = customers;
        this.viewer = viewer;
        this.executor = executor;
    }

    /** The query the current filters describe. */
    public CustomerQuery query() {
        String prefix = null;
        if (city.get() != null) {
            prefix = city.get().code().substring(0, 4);
        } else if (province.get() != null) {
            prefix = province.get().code().substring(0, 2);
        }
        UUID ownerId = owner.get() == null ? null : owner.get().id();
        String text = searchText.get() == null ? "" : searchText.get().trim();
        return new CustomerQuery(text, tier.get(), prefix, ownerId, sort.get(), ascending.get(),
                customFilters.stream().map(CustomFieldFilterDialog.Chosen::filter).toList(), customSort.get());
    }

    /** Counts and re-reads the list for the current query; the first page is fetched at once. */
    public void reload() {
        reload(() -> { });
    }

    public void reload(Runnable then) {
        CustomerQuery query = query();
        Actor actor = viewer.get();
        long mine = ++generation;
        loading.set(true);
        boolean onlyUnlocated = needsLocation.get();
        BackgroundTask.wrap(() -> {
            if (onlyUnlocated) {
                return unlocatedRows(actor, query);
            }
            int total = customers.count(actor, query);
            boolean withValues = readsCustomValues.get();
            PagedList<Customer> rows = new PagedList<>(total, (offset, limit) -> withValues(
                    customers.page(actor, query, offset, limit), withValues));
            if (total > 0) {
                rows.get(0);
            }
            return rows;
        }).onFinished(() -> loading.set(false)).onSuccess(rows -> {
            if (mine != generation) {
                return; // a newer query has been started since; its result wins
            }
            count.set(rows.size());
            items.set(FXCollections.observableList(rows));
            then.run();
        }).executeWith(executor);
    }

    /** A page as read, after reading its customers' custom values into {@link #customValues} when shown. */
    private List<Customer> withValues(List<Customer> page, boolean read) {
        if (read && !page.isEmpty()) {
            List<UUID> ids = page.stream().map(Customer::id).toList();
            ids.forEach(customValues::remove);
            customValues.putAll(customValueSource.apply(ids));
        }
        return page;
    }

    /** Where pages read custom values for the custom-field columns: ids → values by field key. */
    public void setCustomValueSource(Function<Collection<UUID>, Map<UUID, Map<String, String>>> source) {
        this.customValueSource = source;
    }

    /** The custom values read so far, by customer id and field key. */
    public Map<UUID, Map<String, String>> customValues() {
        return customValues;
    }

    public BooleanProperty readsCustomValuesProperty() {
        return readsCustomValues;
    }

    public ObservableList<CustomFieldFilterDialog.Chosen> customFilters() {
        return customFilters;
    }

    /** Sorts by a custom field; reloads only when the sort really changed. */
    public void sortByCustom(CustomValueSort newSort, boolean newAscending) {
        if (newSort.equals(customSort.get()) && newAscending == ascending.get()) {
            return;
        }
        customSort.set(newSort);
        ascending.set(newAscending);
        reload();
    }

    /**
     * 待定位: the customers of the query that have neither a region nor coordinates; few, so they
     * are read at once rather than page by page.
     */
    private PagedList<Customer> unlocatedRows(Actor actor, CustomerQuery query) {
        Set<UUID> ids = unlocated.apply(actor);
        List<Customer> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            customers.forEach(actor, query, c -> {
                if (ids.contains(c.id())) {
                    found.add(c);
                }
            });
        }
        return new PagedList<>(found.size(),
                (offset, limit) -> found.subList(Math.min(offset, found.size()), Math.min(offset + limit, found.size())));
    }

    /** Where the needs-location filter learns which customers the map cannot place. */
    public void setUnlocatedSource(Function<Actor, Set<UUID>> source) {
        this.unlocated = source;
    }

    /** Only customers that need a location (no region, no coordinates). */
    public BooleanProperty needsLocationProperty() {
        return needsLocation;
    }

    /** Sorts by a column; reloads only when the sort really changed. */
    public void sortBy(CustomerQuery.Sort newSort, boolean newAscending) {
        if (customSort.get() == null && newSort == sort.get() && newAscending == ascending.get()) {
            return;
        }
        customSort.set(null);
        sort.set(newSort);
        ascending.set(newAscending);
        reload();
    }

    public void clearFilters() {
        tier.set(null);
        city.set(null);
        province.set(null);
        owner.set(null);
        needsLocation.set(false);
        customFilters.clear();
        searchText.set("");
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Tier> tierProperty() {
        return tier;
    }

    public ObjectProperty<Region> provinceProperty() {
        return province;
    }

    public ObjectProperty<Region> cityProperty() {
        return city;
    }

    public ObjectProperty<User> ownerProperty() {
        return owner;
    }

    public ReadOnlyObjectProperty<CustomerQuery.Sort> sortProperty() {
        return sort;
    }

    public ReadOnlyObjectProperty<ObservableList<Customer>> itemsProperty() {
        return items;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }
}
